SELECT
  "orders".region AS "orders_region",
  COUNT(DISTINCT "orders".order_id) AS "orders_order_count"
FROM
  "demo"."orders" AS "orders"
  LEFT OUTER JOIN "demo"."customers" AS "customers" ON ("orders".customer_id) = ("customers".customer_id)
WHERE
  (
    (
      (
        ("orders".status) <> 'cancelled'
        OR ("orders".status) IS NULL
      )
      AND (
        (("orders".channel) LIKE 'we%' ESCAPE '!')
        OR ("orders".total_usd) > 200
      )
      AND (
        ("orders".order_date) >= DATE '2023-01-01'
        AND ("orders".order_date) <= DATE '2024-12-31'
      )
      AND (
        ("orders".ordered_at) >= TIMESTAMP '2023-01-01 00:00:00.000'
        AND ("orders".ordered_at) < TIMESTAMP '2025-01-01 00:00:00.000'
      )
      AND (("customers".segment) LIKE '%ess%' ESCAPE '!')
      AND ("orders".is_first_order) = TRUE
    )
  )
GROUP BY
  1
ORDER BY
  "orders_region"
LIMIT
  500
