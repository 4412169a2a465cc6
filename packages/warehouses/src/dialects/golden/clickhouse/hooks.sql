SELECT
  (("t"."name") LIKE '%50\\%\\_off''s \\\\ !%') AS "contains",
  (("t"."name") NOT LIKE '50\\%\\_off''s \\\\ !%') AS "not_starts_with",
  (("t"."name") LIKE '%50\\%\\_off''s \\\\ !') AS "ends_with",
  CONCAT("t"."name", ' – ', CAST("t"."amount" AS String)) AS "concat",
  CAST(SUM("t"."amount") AS Float64) / NULLIF(COUNT(*), 0) AS "ratio",
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
  avg("t"."amount") AS "average",
  median("t"."amount") AS "median",
  quantile(0.9) ("t"."amount") AS "p90",
  (now() - INTERVAL 1 WEEK) AS "week_ago",
  ("t"."at" + INTERVAL 1 QUARTER) AS "next_quarter",
  toDate("t"."at") AS "day",
  CONCAT(
    'it''s',
    CAST(toDate('2024-02-29') AS String),
    CAST(
      toDateTime64('2024-02-29 13:45:30.123', 3, 'UTC') AS String
    ),
    CAST((-2.5) AS String)
  ) AS "literals"
FROM
  "events" AS "t"
GROUP BY
  "t"."name",
  "t"."amount",
  "t"."at"
LIMIT
  500
