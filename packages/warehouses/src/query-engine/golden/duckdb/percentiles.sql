SELECT
  "orders".region AS "orders_region",
  MEDIAN(CAST("orders".total_usd AS DOUBLE)) AS "orders_median_order_value",
  QUANTILE_CONT(CAST("orders".total_usd AS DOUBLE), 0.9) AS "orders_p90_order_value"
FROM
  "demo"."orders" AS "orders"
GROUP BY
  1
ORDER BY
  "orders_region"
LIMIT
  500
