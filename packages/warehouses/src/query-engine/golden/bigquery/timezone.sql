SELECT
  TIMESTAMP_TRUNC(
    DATETIME(
      TIMESTAMP(`orders`.ordered_at),
      'America/New_York'
    ),
    DAY
  ) AS `orders_ordered_at_day`,
  TIMESTAMP_TRUNC(`orders`.ordered_at, HOUR) AS `orders_ordered_at_hour`,
  COUNT(DISTINCT `orders`.order_id) AS `orders_order_count`
FROM
  `demo`.`orders` AS `orders`
WHERE
  (
    (
      (
        TIMESTAMP_TRUNC(
          DATETIME(
            TIMESTAMP(`orders`.ordered_at),
            'America/New_York'
          ),
          DAY
        )
      ) >= DATE '2022-03-12'
      AND (
        TIMESTAMP_TRUNC(
          DATETIME(
            TIMESTAMP(`orders`.ordered_at),
            'America/New_York'
          ),
          DAY
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
