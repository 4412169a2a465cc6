SELECT
  `t`.`at` AS `raw`,
  TIMESTAMP_TRUNC(`t`.`at`, YEAR) AS `year`,
  TIMESTAMP_TRUNC(`t`.`at`, QUARTER) AS `quarter`,
  TIMESTAMP_TRUNC(`t`.`at`, MONTH) AS `month`,
  TIMESTAMP_TRUNC(`t`.`at`, WEEK) AS `week`,
  TIMESTAMP_TRUNC(`t`.`at`, DAY) AS `day`,
  TIMESTAMP_TRUNC(`t`.`at`, HOUR) AS `hour`,
  TIMESTAMP_TRUNC(`t`.`at`, MINUTE) AS `minute`,
  TIMESTAMP_TRUNC(`t`.`at`, SECOND) AS `second`,
  TIMESTAMP_TRUNC(`t`.`at`, MILLISECOND) AS `millisecond`,
  EXTRACT(
    DAYOFWEEK
    FROM
      `t`.`at`
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
    WEEK
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
  FORMAT_TIMESTAMP('%A', `t`.`at`) AS `day_of_week_name`,
  FORMAT_TIMESTAMP('%B', `t`.`at`) AS `month_name`,
  FORMAT_TIMESTAMP('Q%Q', `t`.`at`) AS `quarter_name`,
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
