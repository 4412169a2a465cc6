SELECT
  DATE_ADD(
    MAKEDATE(YEAR(`orders`.ordered_at), 1),
    INTERVAL MONTH(`orders`.ordered_at) - 1 MONTH
  ) AS `orders_ordered_at_month`,
  ELT(
    WEEKDAY(`orders`.ordered_at) + 1,
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday'
  ) AS `orders_ordered_at_day_of_week_name`,
  (MOD(WEEKDAY(`orders`.ordered_at) + 1, 7) + 1) AS `orders_ordered_at_day_of_week_name__order`,
  ELT(
    MONTH(`orders`.ordered_at),
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
  ) AS `orders_ordered_at_month_name`,
  MONTH(`orders`.ordered_at) AS `orders_ordered_at_month_name__order`,
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
