SELECT
  "orders".region AS "orders_region",
  APPROX_PERCENTILE("orders".total_usd, 0.5) AS "orders_median_order_value",
  APPROX_PERCENTILE("orders".total_usd, 0.9) AS "orders_p90_order_value"
FROM
  "demo"."orders" AS "orders"
GROUP BY
  1
ORDER BY
  "orders_region"
LIMIT
  500
