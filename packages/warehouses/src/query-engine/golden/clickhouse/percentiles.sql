SELECT
  "orders".region AS "orders_region",
  median("orders".total_usd) AS "orders_median_order_value",
  quantile(0.9) ("orders".total_usd) AS "orders_p90_order_value"
FROM
  "demo"."orders" AS "orders"
GROUP BY
  1
ORDER BY
  "orders_region"
LIMIT
  500
