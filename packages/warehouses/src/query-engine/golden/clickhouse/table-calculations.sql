WITH
  "metrics" AS (
    SELECT
      "orders".region AS "orders_region",
      SUM("orders".total_usd) AS "orders_total_revenue"
    FROM
      "demo"."orders" AS "orders"
    GROUP BY
      1
  ),
  "table_calculations" AS (
    SELECT
      "metrics".*,
      "orders_total_revenue" / SUM("orders_total_revenue") OVER () AS "revenue_share",
      RANK() OVER (
        ORDER BY
          "orders_total_revenue" DESC
      ) AS "revenue_rank",
      (
        "orders_total_revenue" / SUM("orders_total_revenue") OVER ()
      ) * 100 AS "share_pct"
    FROM
      "metrics" AS "metrics"
  )
SELECT
  *
FROM
  "table_calculations" AS "table_calculations"
WHERE
  (("revenue_rank") <= 3)
ORDER BY
  "orders_region"
LIMIT
  500
