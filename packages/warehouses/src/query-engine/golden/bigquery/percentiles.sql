SELECT
  `orders`.region AS `orders_region`,
  APPROX_QUANTILES(`orders`.total_usd, 100) [OFFSET(50)] AS `orders_median_order_value`,
  APPROX_QUANTILES(`orders`.total_usd, 100) [OFFSET(90)] AS `orders_p90_order_value`
FROM
  `demo`.`orders` AS `orders`
GROUP BY
  1
ORDER BY
  `orders_region`
LIMIT
  500
