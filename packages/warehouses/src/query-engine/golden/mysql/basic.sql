SELECT
  `orders`.status AS `orders_status`,
  COUNT(DISTINCT `orders`.order_id) AS `orders_order_count`,
  SUM(`orders`.total_usd) AS `orders_total_revenue`
FROM
  `demo`.`orders` AS `orders`
GROUP BY
  1
ORDER BY
  `orders_total_revenue` DESC
LIMIT
  500
