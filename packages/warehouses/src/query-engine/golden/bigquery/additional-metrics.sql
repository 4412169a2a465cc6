SELECT
  `orders`.channel AS `orders_channel`,
  SUM(
    CASE
      WHEN ((`orders`.status) = 'shipped') THEN (`orders`.total_usd)
      ELSE NULL
    END
  ) AS `orders_web_revenue`,
  MAX((`orders`.units)) AS `orders_max_units`
FROM
  `demo`.`orders` AS `orders`
GROUP BY
  1
ORDER BY
  `orders_channel`
LIMIT
  500
