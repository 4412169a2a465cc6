SELECT
  DATE(
    CONVERT_TZ(`orders`.ordered_at, '+00:00', 'America/New_York')
  ) AS `orders_ordered_at_day`,
  CAST(
    DATE_FORMAT(`orders`.ordered_at, '%Y-%m-%d %H:00:00') AS DATETIME
  ) AS `orders_ordered_at_hour`,
  COUNT(DISTINCT `orders`.order_id) AS `orders_order_count`
FROM
  `demo`.`orders` AS `orders`
WHERE
  (
    (
      (
        DATE(
          CONVERT_TZ(`orders`.ordered_at, '+00:00', 'America/New_York')
        )
      ) >= DATE '2022-03-12'
      AND (
        DATE(
          CONVERT_TZ(`orders`.ordered_at, '+00:00', 'America/New_York')
        )
      ) <= DATE '2022-03-14'
    )
  )
GROUP BY
  1,
  2
ORDER BY
  `orders_ordered_at_day`,
  `orders_ordered_at_hour`
LIMIT
  500
