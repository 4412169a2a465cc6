SELECT
  ((`t`.`name`) LIKE '%50\\%\\_off\'s \\\\ !%') AS `contains`,
  ((`t`.`name`) NOT LIKE '50\\%\\_off\'s \\\\ !%') AS `not_starts_with`,
  ((`t`.`name`) LIKE '%50\\%\\_off\'s \\\\ !') AS `ends_with`,
  CONCAT(`t`.`name`, ' – ', CAST(`t`.`amount` AS STRING)) AS `concat`,
  CAST(SUM(`t`.`amount`) AS FLOAT64) / NULLIF(COUNT(*), 0) AS `ratio`,
  (`t`.`name` IS NOT DISTINCT FROM 'a') AS `same`,
  AVG(`t`.`amount`) AS `average`,
  APPROX_QUANTILES(`t`.`amount`, 100) [OFFSET(50)] AS `median`,
  APPROX_QUANTILES(`t`.`amount`, 100) [OFFSET(90)] AS `p90`,
  TIMESTAMP(
    DATETIME_ADD(DATETIME(CURRENT_TIMESTAMP()), INTERVAL -1 WEEK)
  ) AS `week_ago`,
  TIMESTAMP(
    DATETIME_ADD(DATETIME(`t`.`at`), INTERVAL 1 QUARTER)
  ) AS `next_quarter`,
  DATE(`t`.`at`) AS `day`,
  CONCAT(
    'it\'s',
    CAST(DATE '2024-02-29' AS STRING),
    CAST(TIMESTAMP '2024-02-29 13:45:30.123' AS STRING),
    CAST((-2.5) AS STRING)
  ) AS `literals`
FROM
  `events` AS `t`
GROUP BY
  `t`.`name`,
  `t`.`amount`,
  `t`.`at`
LIMIT
  500
