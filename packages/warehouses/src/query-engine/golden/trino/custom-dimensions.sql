SELECT
  CASE
    WHEN ("orders".item_count) IS NULL THEN NULL
    ELSE (
      CAST(
        CAST(
          FLOOR(CAST(("orders".item_count) AS DOUBLE) / 2) * 2 AS BIGINT
        ) AS VARCHAR
      ) || ' - ' || CAST(
        CAST(
          FLOOR(CAST(("orders".item_count) AS DOUBLE) / 2) * 2 + 1 AS BIGINT
        ) AS VARCHAR
      )
    )
  END AS "width_bin",
  FLOOR(CAST(("orders".item_count) AS DOUBLE) / 2) * 2 AS "width_bin__order",
  CASE
    WHEN ("orders".total_usd) IS NULL THEN NULL
    WHEN ("orders".total_usd) < 50 THEN '<50'
    WHEN ("orders".total_usd) >= 50
    AND ("orders".total_usd) < 200 THEN '50-200'
    WHEN ("orders".total_usd) >= 200 THEN '≥200'
    ELSE NULL
  END AS "range_bin",
  CASE
    WHEN ("orders".total_usd) IS NULL THEN 3
    WHEN ("orders".total_usd) < 50 THEN 0
    WHEN ("orders".total_usd) >= 50
    AND ("orders".total_usd) < 200 THEN 1
    WHEN ("orders".total_usd) >= 200 THEN 2
    ELSE 3
  END AS "range_bin__order",
  (
    CASE
      WHEN ("orders".units) > 3 THEN 'bulk'
      ELSE 'single'
    END
  ) AS "size_band",
  COUNT(DISTINCT "orders".order_id) AS "orders_order_count"
FROM
  "demo"."orders" AS "orders"
GROUP BY
  1,
  2,
  3,
  4,
  5
ORDER BY
  "width_bin__order",
  "range_bin__order",
  "size_band"
LIMIT
  500
