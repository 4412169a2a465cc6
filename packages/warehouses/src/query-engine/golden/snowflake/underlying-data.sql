SELECT
  "orders".order_id AS "orders_order_id",
  "orders".ordered_at AS "orders_ordered_at",
  "orders".ordered_at AS "orders_ordered_at_raw",
  "orders".order_date AS "orders_order_date",
  "orders".status AS "orders_status",
  "orders".channel AS "orders_channel",
  "orders".region AS "orders_region",
  "orders".country_code AS "orders_country_code",
  "orders".currency AS "orders_currency",
  "orders".item_count AS "orders_item_count",
  "orders".units AS "orders_units",
  "orders".discount_code AS "orders_discount_code",
  "orders".shipping_method AS "orders_shipping_method",
  "orders".subtotal_usd AS "orders_subtotal_usd",
  "orders".discount_usd AS "orders_discount_usd",
  "orders".shipping_usd AS "orders_shipping_usd",
  "orders".tax_usd AS "orders_tax_usd",
  "orders".total_usd AS "orders_total_usd",
  CASE
    WHEN ("orders".total_usd) >= 500 THEN 'large'
    WHEN ("orders".total_usd) >= 100 THEN 'medium'
    ELSE 'small'
  END AS "orders_order_size",
  "orders".total_local AS "orders_total_local",
  "orders".delivered_at AS "orders_delivered_at",
  "orders".is_first_order AS "orders_is_first_order"
FROM
  "demo"."orders" AS "orders"
WHERE
  (("orders".status) = 'returned')
LIMIT
  5000
