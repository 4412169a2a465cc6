WITH
  "metrics" AS (
    SELECT
      "orders".country_code AS "orders_country_code",
      COUNT(DISTINCT "orders".order_id) AS "orders_order_count",
      SUM("orders".total_usd) AS "orders_total_revenue"
    FROM
      "demo"."orders" AS "orders"
    GROUP BY
      1
  )
SELECT
  *
FROM
  "metrics" AS "metrics"
WHERE
  (
    (
      ("orders_total_revenue") > 1000
      AND ("orders_order_count") < 1000
    )
  )
ORDER BY
  "orders_country_code"
LIMIT
  500
