WITH
  `unaffected` AS (
    SELECT
      COUNT(DISTINCT `orders`.order_id) AS `orders_order_count`,
      SUM(`order_items`.quantity) AS `order_items_units_sold`
    FROM
      `demo`.`orders` AS `orders`
      LEFT OUTER JOIN `demo`.`order_items` AS `order_items` ON (`orders`.order_id) = (`order_items`.order_id)
    WHERE
      ((`orders`.region) IN ('EMEA', 'NA'))
  ),
  `orders__rows` AS (
    SELECT DISTINCT
      `orders`.order_id AS `__pk_0`,
      `orders`.total_usd AS `orders_total_revenue`
    FROM
      `demo`.`orders` AS `orders`
      LEFT OUTER JOIN `demo`.`order_items` AS `order_items` ON (`orders`.order_id) = (`order_items`.order_id)
    WHERE
      ((`orders`.region) IN ('EMEA', 'NA'))
  ),
  `orders__metrics` AS (
    SELECT
      SUM(`orders_total_revenue`) AS `orders_total_revenue`
    FROM
      `orders__rows` AS `orders__rows`
  ),
  `metrics` AS (
    SELECT
      `unaffected`.`orders_order_count` AS `orders_order_count`,
      `unaffected`.`order_items_units_sold` AS `order_items_units_sold`,
      `orders__metrics`.`orders_total_revenue` AS `orders_total_revenue`
    FROM
      `unaffected` AS `unaffected`
      CROSS JOIN `orders__metrics` AS `orders__metrics`
  )
SELECT
  *
FROM
  `metrics` AS `metrics`
