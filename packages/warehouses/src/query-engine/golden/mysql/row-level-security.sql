SELECT
  `orders`.region AS `orders_region`,
  `customers`.segment AS `customers_segment`,
  COUNT(DISTINCT `orders`.order_id) AS `orders_order_count`
FROM
  `demo`.`orders` AS `orders`
  LEFT OUTER JOIN `demo`.`customers` AS `customers` ON (
    (`orders`.customer_id) = (`customers`.customer_id)
  )
  AND (`customers`.email <> 'ana@example.com')
WHERE
  (`orders`.region IN ('EMEA', 'O''Brien'))
GROUP BY
  1,
  2
ORDER BY
  `orders_region`,
  `customers_segment`
LIMIT
  500
