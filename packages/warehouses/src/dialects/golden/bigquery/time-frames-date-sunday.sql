SELECT
  `t`.`at` AS `raw`,
  DATE_TRUNC(`t`.`at`, YEAR) AS `year`,
  DATE_TRUNC(`t`.`at`, QUARTER) AS `quarter`,
  DATE_TRUNC(`t`.`at`, MONTH) AS `month`,
  DATE_TRUNC(`t`.`at`, WEEK(SUNDAY)) AS `week`,
  DATE_TRUNC(`t`.`at`, DAY) AS `day`,
  DATE_TRUNC(`t`.`at`, HOUR) AS `hour`,
  DATE_TRUNC(`t`.`at`, MINUTE) AS `minute`,
  DATE_TRUNC(`t`.`at`, SECOND) AS `second`,
  DATE_TRUNC(`t`.`at`, MILLISECOND) AS `millisecond`,
  (
    MOD(
      EXTRACT(
        DAYOFWEEK
        FROM
          `t`.`at`
      ) - 1 + 7,
      7
    ) + 1
  ) AS `day_of_week_index`,
  EXTRACT(
    DAY
    FROM
      `t`.`at`
  ) AS `day_of_month_num`,
  EXTRACT(
    DAYOFYEAR
    FROM
      `t`.`at`
  ) AS `day_of_year_num`,
  EXTRACT(
    WEEK(SUNDAY)
    FROM
      `t`.`at`
  ) AS `week_num`,
  EXTRACT(
    MONTH
    FROM
      `t`.`at`
  ) AS `month_num`,
  EXTRACT(
    QUARTER
    FROM
      `t`.`at`
  ) AS `quarter_num`,
  EXTRACT(
    YEAR
    FROM
      `t`.`at`
  ) AS `year_num`,
  FORMAT_DATE('%A', `t`.`at`) AS `day_of_week_name`,
  FORMAT_DATE('%B', `t`.`at`) AS `month_name`,
  FORMAT_DATE('Q%Q', `t`.`at`) AS `quarter_name`,
  EXTRACT(
    HOUR
    FROM
      `t`.`at`
  ) AS `hour_of_day_num`,
  EXTRACT(
    MINUTE
    FROM
      `t`.`at`
  ) AS `minute_of_hour_num`
FROM
  `events` AS `t`
