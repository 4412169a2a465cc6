SELECT
  toStartOfMonth("orders".ordered_at) AS "orders_ordered_at_month",
  dateName('weekday', "orders".ordered_at) AS "orders_ordered_at_day_of_week_name",
  (
    modulo(toDayOfWeek("orders".ordered_at) - 7 + 7, 7) + 1
  ) AS "orders_ordered_at_day_of_week_name__order",
  dateName('month', "orders".ordered_at) AS "orders_ordered_at_month_name",
  toMonth("orders".ordered_at) AS "orders_ordered_at_month_name__order",
  COUNT(DISTINCT "orders".order_id) AS "orders_order_count"
FROM
  "demo"."orders" AS "orders"
GROUP BY
  1,
  2,
  3,
  4,
  5
ORDER BY
  "orders_ordered_at_month",
  "orders_ordered_at_day_of_week_name__order"
LIMIT
  5000
