SELECT
  "customers".segment AS "customers_segment",
  "orders".channel AS "orders_channel",
  COUNT(DISTINCT "orders".order_id) AS "orders_order_count",
  COUNT(DISTINCT "customers".customer_id) AS "customers_customer_count"
FROM
  "demo"."orders" AS "orders"
  LEFT OUTER JOIN "demo"."customers" AS "customers" ON ("orders".customer_id) = ("customers".customer_id)
GROUP BY
  1,
  2
ORDER BY
  "customers_segment",
  "orders_channel"
LIMIT
  500
