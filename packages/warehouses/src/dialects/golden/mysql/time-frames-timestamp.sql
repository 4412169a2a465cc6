SELECT
  `t`.`at` AS `raw`,
  MAKEDATE(YEAR(`t`.`at`), 1) AS `year`,
  DATE_ADD(
    MAKEDATE(YEAR(`t`.`at`), 1),
    INTERVAL QUARTER(`t`.`at`) - 1 QUARTER
  ) AS `quarter`,
  DATE_ADD(
    MAKEDATE(YEAR(`t`.`at`), 1),
    INTERVAL MONTH(`t`.`at`) - 1 MONTH
  ) AS `month`,
  DATE_SUB(DATE(`t`.`at`), INTERVAL WEEKDAY(`t`.`at`) DAY) AS `week`,
  DATE(`t`.`at`) AS `day`,
  CAST(
    DATE_FORMAT(`t`.`at`, '%Y-%m-%d %H:00:00') AS DATETIME
  ) AS `hour`,
  CAST(
    DATE_FORMAT(`t`.`at`, '%Y-%m-%d %H:%i:00') AS DATETIME
  ) AS `minute`,
  CAST(
    DATE_FORMAT(`t`.`at`, '%Y-%m-%d %H:%i:%s') AS DATETIME
  ) AS `second`,
  CAST(
    LEFT(DATE_FORMAT(`t`.`at`, '%Y-%m-%d %H:%i:%s.%f'), 23) AS DATETIME(3)
  ) AS `millisecond`,
  (WEEKDAY(`t`.`at`) + 1) AS `day_of_week_index`,
  DAYOFMONTH(`t`.`at`) AS `day_of_month_num`,
  DAYOFYEAR(`t`.`at`) AS `day_of_year_num`,
  WEEK(`t`.`at`, 3) AS `week_num`,
  MONTH(`t`.`at`) AS `month_num`,
  QUARTER(`t`.`at`) AS `quarter_num`,
  YEAR(`t`.`at`) AS `year_num`,
  ELT(
    WEEKDAY(`t`.`at`) + 1,
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday'
  ) AS `day_of_week_name`,
  ELT(
    MONTH(`t`.`at`),
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
  ) AS `month_name`,
  CONCAT('Q', QUARTER(`t`.`at`)) AS `quarter_name`,
  HOUR(`t`.`at`) AS `hour_of_day_num`,
  MINUTE(`t`.`at`) AS `minute_of_hour_num`
FROM
  `events` AS `t`
