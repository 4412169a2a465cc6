SELECT
  DATE_TRUNC(
    'DAY',
    CONVERT_TIMEZONE('UTC', 'America/New_York', "orders".ordered_at)
  ) AS "orders_ordered_at_day",
  DATE_TRUNC('HOUR', "orders".ordered_at) AS "orders_ordered_at_hour",
  COUNT(DISTINCT "orders".order_id) AS "orders_order_count"
FROM
  "demo"."orders" AS "orders"
WHERE
  (
    (
      (
        DATE_TRUNC(
          'DAY',
          CONVERT_TIMEZONE('UTC', 'America/New_York', "orders".ordered_at)
        )
      ) >= DATE '2022-03-12'
      AND (
        DATE_TRUNC(
          'DAY',
          CONVERT_TIMEZONE('UTC', 'America/New_York', "orders".ordered_at)
        )
      ) <= DATE '2022-03-14'
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
