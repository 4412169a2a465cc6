SELECT
  TIMESTAMP_TRUNC(`orders`.ordered_at, MONTH) AS `orders_ordered_at_month`,
  FORMAT_TIMESTAMP('%A', `orders`.ordered_at) AS `orders_ordered_at_day_of_week_name`,
  (
    MOD(
      EXTRACT(
        DAYOFWEEK
        FROM
          `orders`.ordered_at
      ) - 1 + 7,
      7
    ) + 1
  ) AS `orders_ordered_at_day_of_week_name__order`,
  FORMAT_TIMESTAMP('%B', `orders`.ordered_at) AS `orders_ordered_at_month_name`,
  EXTRACT(
    MONTH
    FROM
      `orders`.ordered_at
  ) AS `orders_ordered_at_month_name__order`,
  COUNT(DISTINCT `orders`.order_id) AS `orders_order_count`
FROM
  `demo`.`orders` AS `orders`
GROUP BY
  1,
  2,
  3,
  4,
  5
ORDER BY
  `orders_ordered_at_month`,
  `orders_ordered_at_day_of_week_name__order`
LIMIT
  5000
