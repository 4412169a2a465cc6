SELECT
  toStartOfDay(
    toTimeZone("orders".ordered_at, 'America/New_York')
  ) AS "orders_ordered_at_day",
  toStartOfHour("orders".ordered_at) AS "orders_ordered_at_hour",
  COUNT(DISTINCT "orders".order_id) AS "orders_order_count"
FROM
  "demo"."orders" AS "orders"
WHERE
  (
    (
      (
        toStartOfDay(
          toTimeZone("orders".ordered_at, 'America/New_York')
        )
      ) >= toDate('2022-03-12')
      AND (
        toStartOfDay(
          toTimeZone("orders".ordered_at, 'America/New_York')
        )
      ) <= toDate('2022-03-14')
    )
  )
GROUP BY
  1,
  2
ORDER BY
  "orders_ordered_at_day",
  "orders_ordered_at_hour"
LIMIT
  500
