SELECT
  "orders".region AS "orders_region",
  PERCENTILE_CONT(0.5) WITHIN GROUP (
    ORDER BY
      "orders".total_usd
  ) AS "orders_median_order_value",
  PERCENTILE_CONT(0.9) WITHIN GROUP (
    ORDER BY
      "orders".total_usd
  ) AS "orders_p90_order_value"
FROM
  "demo"."orders" AS "orders"
GROUP BY
  1
ORDER BY
  "orders_region"
LIMIT
  500
