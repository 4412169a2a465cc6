SELECT
  "t"."at" AS "raw",
  DATE_TRUNC('YEAR', "t"."at") AS "year",
  DATE_TRUNC('QUARTER', "t"."at") AS "quarter",
  DATE_TRUNC('MONTH', "t"."at") AS "month",
  (
    DATE_TRUNC('WEEK', ("t"."at" - INTERVAL '6' DAY)) + INTERVAL '6' DAY
  ) AS "week",
  DATE_TRUNC('DAY', "t"."at") AS "day",
  DATE_TRUNC('HOUR', "t"."at") AS "hour",
  DATE_TRUNC('MINUTE', "t"."at") AS "minute",
  DATE_TRUNC('SECOND', "t"."at") AS "second",
  DATE_TRUNC('MILLISECOND', "t"."at") AS "millisecond",
  (
    MOD(
      EXTRACT(
        DOW
        FROM
          "t"."at"
      ) - 7 + 7,
      7
    ) + 1
  ) AS "day_of_week_index",
  EXTRACT(
    DAY
    FROM
      "t"."at"
  ) AS "day_of_month_num",
  EXTRACT(
    DOY
    FROM
      "t"."at"
  ) AS "day_of_year_num",
  EXTRACT(
    WEEK
    FROM
      ("t"."at" - INTERVAL '6' DAY)
  ) AS "week_num",
  EXTRACT(
    MONTH
    FROM
      "t"."at"
  ) AS "month_num",
  EXTRACT(
    QUARTER
    FROM
      "t"."at"
  ) AS "quarter_num",
  EXTRACT(
    YEAR
    FROM
      "t"."at"
  ) AS "year_num",
  DATE_FORMAT("t"."at", '%W') AS "day_of_week_name",
  DATE_FORMAT("t"."at", '%M') AS "month_name",
  CONCAT(
    'Q',
    CAST(
      EXTRACT(
        QUARTER
        FROM
          "t"."at"
      ) AS VARCHAR
    )
  ) AS "quarter_name",
  EXTRACT(
    HOUR
    FROM
      "t"."at"
  ) AS "hour_of_day_num",
  EXTRACT(
    MINUTE
    FROM
      "t"."at"
  ) AS "minute_of_hour_num"
FROM
  "events" AS "t"
