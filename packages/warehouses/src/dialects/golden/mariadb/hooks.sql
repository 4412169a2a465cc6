SELECT
  (
    (`t`.`name`) LIKE '%50!%!_off''s \\ !!%' ESCAPE '!'
  ) AS `contains`,
  (
    (`t`.`name`) NOT LIKE '50!%!_off''s \\ !!%' ESCAPE '!'
  ) AS `not_starts_with`,
  (
    (`t`.`name`) LIKE '%50!%!_off''s \\ !!' ESCAPE '!'
  ) AS `ends_with`,
  CONCAT(`t`.`name`, ' – ', CAST(`t`.`amount` AS CHAR)) AS `concat`,
  CAST(SUM(`t`.`amount`) AS DOUBLE) / NULLIF(COUNT(*), 0) AS `ratio`,
  (`t`.`name` <=> 'a') AS `same`,
  AVG (`t`.`amount`) AS `average`,
  CASE
    WHEN COUNT(`t`.`amount`) = 0 THEN NULL
    ELSE CAST(
      SUBSTRING_INDEX(
        SUBSTRING_INDEX(
          GROUP_CONCAT(
            `t`.`amount`
            ORDER BY
              `t`.`amount` SEPARATOR ','
          ),
          ',',
          FLOOR((1 + (COUNT(`t`.`amount`) - 1) * 0.5))
        ),
        ',',
        -1
      ) AS DOUBLE
    ) + (
      CAST(
        SUBSTRING_INDEX(
          SUBSTRING_INDEX(
            GROUP_CONCAT(
              `t`.`amount`
              ORDER BY
                `t`.`amount` SEPARATOR ','
            ),
            ',',
            CEIL((1 + (COUNT(`t`.`amount`) - 1) * 0.5))
          ),
          ',',
          -1
        ) AS DOUBLE
      ) - CAST(
        SUBSTRING_INDEX(
          SUBSTRING_INDEX(
            GROUP_CONCAT(
              `t`.`amount`
              ORDER BY
                `t`.`amount` SEPARATOR ','
            ),
            ',',
            FLOOR((1 + (COUNT(`t`.`amount`) - 1) * 0.5))
          ),
          ',',
          -1
        ) AS DOUBLE
      )
    ) * (
      (1 + (COUNT(`t`.`amount`) - 1) * 0.5) - FLOOR((1 + (COUNT(`t`.`amount`) - 1) * 0.5))
    )
  END AS `median`,
  CASE
    WHEN COUNT(`t`.`amount`) = 0 THEN NULL
    ELSE CAST(
      SUBSTRING_INDEX(
        SUBSTRING_INDEX(
          GROUP_CONCAT(
            `t`.`amount`
            ORDER BY
              `t`.`amount` SEPARATOR ','
          ),
          ',',
          FLOOR((1 + (COUNT(`t`.`amount`) - 1) * 0.9))
        ),
        ',',
        -1
      ) AS DOUBLE
    ) + (
      CAST(
        SUBSTRING_INDEX(
          SUBSTRING_INDEX(
            GROUP_CONCAT(
              `t`.`amount`
              ORDER BY
                `t`.`amount` SEPARATOR ','
            ),
            ',',
            CEIL((1 + (COUNT(`t`.`amount`) - 1) * 0.9))
          ),
          ',',
          -1
        ) AS DOUBLE
      ) - CAST(
        SUBSTRING_INDEX(
          SUBSTRING_INDEX(
            GROUP_CONCAT(
              `t`.`amount`
              ORDER BY
                `t`.`amount` SEPARATOR ','
            ),
            ',',
            FLOOR((1 + (COUNT(`t`.`amount`) - 1) * 0.9))
          ),
          ',',
          -1
        ) AS DOUBLE
      )
    ) * (
      (1 + (COUNT(`t`.`amount`) - 1) * 0.9) - FLOOR((1 + (COUNT(`t`.`amount`) - 1) * 0.9))
    )
  END AS `p90`,
  TIMESTAMPADD (WEEK, -1, CURRENT_TIMESTAMP) AS `week_ago`,
  TIMESTAMPADD (QUARTER, 1, `t`.`at`) AS `next_quarter`,
  CAST(`t`.`at` AS DATE) AS `day`,
  CONCAT(
    'it''s',
    CAST(DATE '2024-02-29' AS CHAR),
    CAST(TIMESTAMP '2024-02-29 13:45:30.123' AS CHAR),
    CAST((-2.5) AS CHAR)
  ) AS `literals`
FROM
  `events` AS `t`
GROUP BY
  `t`.`name`,
  `t`.`amount`,
  `t`.`at`
LIMIT
  500
