SELECT
  "t"."at" AS "raw",
  DATE_TRUNC('YEAR', "t"."at") AS "year",
  DATE_TRUNC('QUARTER', "t"."at") AS "quarter",
  DATE_TRUNC('MONTH', "t"."at") AS "month",
  (
    DATE_TRUNC('WEEK', ("t"."at" - INTERVAL '6 days')) + INTERVAL '6 days'
  ) AS "week",
  DATE_TRUNC('DAY', "t"."at") AS "day",
  DATE_TRUNC('HOUR', "t"."at") AS "hour",
  DATE_TRUNC('MINUTE', "t"."at") AS "minute",
  DATE_TRUNC('SECOND', "t"."at") AS "second",
  DATE_TRUNC('MILLISECOND', "t"."at") AS "millisecond",
  (
    MOD(
      CAST(DATE_PART('DOW', "t"."at") AS INT) - 0 + 7,
      7
    ) + 1
  ) AS "day_of_week_index",
  DATE_PART('DAY', "t"."at") AS "day_of_month_num",
  DATE_PART('DOY', "t"."at") AS "day_of_year_num",
  DATE_PART('WEEK', ("t"."at" - INTERVAL '6 days')) AS "week_num",
  DATE_PART('MONTH', "t"."at") AS "month_num",
  DATE_PART('QUARTER', "t"."at") AS "quarter_num",
  DATE_PART('YEAR', "t"."at") AS "year_num",
  DAYNAME("t"."at") AS "day_of_week_name",
  MONTHNAME("t"."at") AS "month_name",
  ('Q' || CAST(QUARTER("t"."at") AS VARCHAR)) AS "quarter_name",
  DATE_PART('HOUR', "t"."at") AS "hour_of_day_num",
  DATE_PART('MINUTE', "t"."at") AS "minute_of_hour_num"
FROM
  "events" AS "t"
