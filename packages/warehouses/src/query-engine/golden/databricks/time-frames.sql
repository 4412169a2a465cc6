SELECT
  DATE_TRUNC('MONTH', `orders`.ordered_at) AS `orders_ordered_at_month`,
  DATE_FORMAT(`orders`.ordered_at, 'EEEE') AS `orders_ordered_at_day_of_week_name`,
  (MOD(WEEKDAY(`orders`.ordered_at) - 6 + 7, 7) + 1) AS `orders_ordered_at_day_of_week_name__order`,
  DATE_FORMAT(`orders`.ordered_at, 'MMMM') AS `orders_ordered_at_month_name`,
  DATE_PART('MONTH', `orders`.ordered_at) AS `orders_ordered_at_month_name__order`,
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
