WITH
  "total_bin__range" AS (
    SELECT
      CAST(FLOOR(MIN(("orders".total_usd))) AS BIGINT) AS "min_id",
      CAST(CEIL(MAX(("orders".total_usd))) AS BIGINT) AS "max_id",
      CAST(
        CEIL(
          CAST(
            CEIL(MAX(("orders".total_usd))) - FLOOR(MIN(("orders".total_usd))) AS DOUBLE
          ) / 5
        ) AS BIGINT
      ) AS "bin_width"
    FROM
      "demo"."orders" AS "orders"
  )
SELECT
  CASE
    WHEN ("orders".total_usd) IS NULL THEN NULL
    WHEN ("orders".total_usd) >= "total_bin__range"."min_id"
    AND ("orders".total_usd) < "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 1 THEN (
      CAST("total_bin__range"."min_id" AS VARCHAR) || ' - ' || CAST(
        "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 1 AS VARCHAR
      )
    )
    WHEN ("orders".total_usd) >= "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 1
    AND ("orders".total_usd) < "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 2 THEN (
      CAST(
        "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 1 AS VARCHAR
      ) || ' - ' || CAST(
        "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 2 AS VARCHAR
      )
    )
    WHEN ("orders".total_usd) >= "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 2
    AND ("orders".total_usd) < "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 3 THEN (
      CAST(
        "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 2 AS VARCHAR
      ) || ' - ' || CAST(
        "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 3 AS VARCHAR
      )
    )
    WHEN ("orders".total_usd) >= "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 3
    AND ("orders".total_usd) < "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 4 THEN (
      CAST(
        "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 3 AS VARCHAR
      ) || ' - ' || CAST(
        "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 4 AS VARCHAR
      )
    )
    ELSE (
      CAST(
        "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 4 AS VARCHAR
      ) || ' - ' || CAST("total_bin__range"."max_id" AS VARCHAR)
    )
  END AS "total_bin",
  CASE
    WHEN ("orders".total_usd) IS NULL THEN 5
    WHEN ("orders".total_usd) >= "total_bin__range"."min_id"
    AND ("orders".total_usd) < "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 1 THEN 0
    WHEN ("orders".total_usd) >= "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 1
    AND ("orders".total_usd) < "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 2 THEN 1
    WHEN ("orders".total_usd) >= "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 2
    AND ("orders".total_usd) < "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 3 THEN 2
    WHEN ("orders".total_usd) >= "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 3
    AND ("orders".total_usd) < "total_bin__range"."min_id" + "total_bin__range"."bin_width" * 4 THEN 3
    ELSE 4
  END AS "total_bin__order",
  COUNT(DISTINCT "orders".order_id) AS "orders_order_count"
FROM
  "demo"."orders" AS "orders"
  CROSS JOIN "total_bin__range" AS "total_bin__range"
GROUP BY
  1,
  2
ORDER BY
  "total_bin__order"
LIMIT
  500
