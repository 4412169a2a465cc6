SELECT
  DATE_ADD(
    MAKEDATE(YEAR(`orders`.ordered_at), 1),
    INTERVAL QUARTER (`orders`.ordered_at) - 1 QUARTER
  ) AS `orders_ordered_at_day`,
  SUM(`orders`.total_usd) AS `orders_total_revenue`
FROM
  `demo`.`orders` AS `orders`
GROUP BY
  1
ORDER BY
  `orders_ordered_at_day`
LIMIT
  500
