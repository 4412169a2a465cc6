WITH
  "unaffected" AS (
    SELECT
      "customers".segment AS "customers_segment",
      SUM("order_items".quantity) AS "order_items_units_sold",
      COUNT(DISTINCT "orders".customer_id) AS "orders_ordering_customers"
    FROM
      "demo"."orders" AS "orders"
      LEFT OUTER JOIN "demo"."customers" AS "customers" ON ("orders".customer_id) = ("customers".customer_id)
      LEFT OUTER JOIN "demo"."order_items" AS "order_items" ON ("orders".order_id) = ("order_items".order_id)
    GROUP BY
      1
  ),
  "orders__rows" AS (
    SELECT DISTINCT
      "customers".segment AS "customers_segment",
      "orders".order_id AS "__pk_0",
      "orders".total_usd AS "orders_total_revenue",
      "orders".total_usd AS "orders_average_order_value",
      CASE
        WHEN (
          ("orders".status) IN ('completed', 'shipped', 'processing', 'pending')
        ) THEN ("orders".total_usd)
        ELSE NULL
      END AS "orders_completed_revenue"
    FROM
      "demo"."orders" AS "orders"
      LEFT OUTER JOIN "demo"."customers" AS "customers" ON ("orders".customer_id) = ("customers".customer_id)
      LEFT OUTER JOIN "demo"."order_items" AS "order_items" ON ("orders".order_id) = ("order_items".order_id)
  ),
  "orders__metrics" AS (
    SELECT
      "customers_segment" AS "customers_segment",
      SUM("orders_total_revenue") AS "orders_total_revenue",
      AVG("orders_average_order_value") AS "orders_average_order_value",
      SUM("orders_completed_revenue") AS "orders_completed_revenue"
    FROM
      "orders__rows" AS "orders__rows"
    GROUP BY
      1
  ),
  "aggregated" AS (
    SELECT
      "unaffected"."customers_segment" AS "customers_segment",
      "unaffected"."order_items_units_sold" AS "order_items_units_sold",
      "unaffected"."orders_ordering_customers" AS "orders_ordering_customers",
      "orders__metrics"."orders_total_revenue" AS "orders_total_revenue",
      "orders__metrics"."orders_average_order_value" AS "orders_average_order_value",
      "orders__metrics"."orders_completed_revenue" AS "orders_completed_revenue"
    FROM
      "unaffected" AS "unaffected"
      LEFT OUTER JOIN "orders__metrics" AS "orders__metrics" ON (
        "unaffected"."customers_segment" IS NOT DISTINCT FROM "orders__metrics"."customers_segment"
      )
  ),
  "metrics" AS (
    SELECT
      "aggregated".*,
      "orders_completed_revenue" / NULLIF("orders_ordering_customers", 0) AS "orders_revenue_per_customer"
    FROM
      "aggregated" AS "aggregated"
  )
SELECT
  *
FROM
  "metrics" AS "metrics"
ORDER BY
  "customers_segment"
LIMIT
  500
