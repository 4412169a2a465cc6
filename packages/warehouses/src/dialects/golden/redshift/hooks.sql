SELECT
  (
    ("t"."name") LIKE '%50!%!_off''s \\ !!%' ESCAPE '!'
  ) AS "contains",
  (
    ("t"."name") NOT LIKE '50!%!_off''s \\ !!%' ESCAPE '!'
  ) AS "not_starts_with",
  (
    ("t"."name") LIKE '%50!%!_off''s \\ !!' ESCAPE '!'
  ) AS "ends_with",
  (
    "t"."name" || ' – ' || CAST("t"."amount" AS VARCHAR(MAX))
  ) AS "concat",
  CAST(SUM("t"."amount") AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS "ratio",
  (
    (
      "t"."name" = 'a'
      AND "t"."name" IS NOT NULL
      AND 'a' IS NOT NULL
    )
    OR (
      "t"."name" IS NULL
      AND 'a' IS NULL
    )
  ) AS "same",
  AVG("t"."amount"::DOUBLE PRECISION) AS "average",
  PERCENTILE_CONT(0.5) WITHIN GROUP (
    ORDER BY
      "t"."amount"
  ) AS "median",
  PERCENTILE_CONT(0.9) WITHIN GROUP (
    ORDER BY
      "t"."amount"
  ) AS "p90",
  (CURRENT_TIMESTAMP - INTERVAL '1 WEEK') AS "week_ago",
  ("t"."at" + INTERVAL '3 MONTH') AS "next_quarter",
  CAST("t"."at" AS DATE) AS "day",
  (
    'it''s' || CAST(DATE '2024-02-29' AS VARCHAR(MAX)) || CAST(
      TIMESTAMP '2024-02-29 13:45:30.123' AS VARCHAR(MAX)
    ) || CAST((-2.5) AS VARCHAR(MAX))
  ) AS "literals"
FROM
  "events" AS "t"
GROUP BY
  "t"."name",
  "t"."amount",
  "t"."at"
LIMIT
  500
