SELECT
  `orders`.region AS `orders_region`,
  CASE
    WHEN COUNT(`orders`.total_usd) = 0 THEN NULL
    ELSE CAST(
      SUBSTRING_INDEX(
        SUBSTRING_INDEX(
          GROUP_CONCAT(
            `orders`.total_usd
            ORDER BY
              `orders`.total_usd SEPARATOR ','
          ),
          ',',
          FLOOR((1 + (COUNT(`orders`.total_usd) - 1) * 0.5))
        ),
        ',',
        -1
      ) AS DOUBLE
    ) + (
      CAST(
        SUBSTRING_INDEX(
          SUBSTRING_INDEX(
            GROUP_CONCAT(
              `orders`.total_usd
              ORDER BY
                `orders`.total_usd SEPARATOR ','
            ),
            ',',
            CEIL((1 + (COUNT(`orders`.total_usd) - 1) * 0.5))
          ),
          ',',
          -1
        ) AS DOUBLE
      ) - CAST(
        SUBSTRING_INDEX(
          SUBSTRING_INDEX(
            GROUP_CONCAT(
              `orders`.total_usd
              ORDER BY
                `orders`.total_usd SEPARATOR ','
            ),
            ',',
            FLOOR((1 + (COUNT(`orders`.total_usd) - 1) * 0.5))
          ),
          ',',
          -1
        ) AS DOUBLE
      )
    ) * (
      (1 + (COUNT(`orders`.total_usd) - 1) * 0.5) - FLOOR((1 + (COUNT(`orders`.total_usd) - 1) * 0.5))
    )
  END AS `orders_median_order_value`,
  CASE
    WHEN COUNT(`orders`.total_usd) = 0 THEN NULL
    ELSE CAST(
      SUBSTRING_INDEX(
        SUBSTRING_INDEX(
          GROUP_CONCAT(
            `orders`.total_usd
            ORDER BY
              `orders`.total_usd SEPARATOR ','
          ),
          ',',
          FLOOR((1 + (COUNT(`orders`.total_usd) - 1) * 0.9))
        ),
        ',',
        -1
      ) AS DOUBLE
    ) + (
      CAST(
        SUBSTRING_INDEX(
          SUBSTRING_INDEX(
            GROUP_CONCAT(
              `orders`.total_usd
              ORDER BY
                `orders`.total_usd SEPARATOR ','
            ),
            ',',
            CEIL((1 + (COUNT(`orders`.total_usd) - 1) * 0.9))
          ),
          ',',
          -1
        ) AS DOUBLE
      ) - CAST(
        SUBSTRING_INDEX(
          SUBSTRING_INDEX(
            GROUP_CONCAT(
              `orders`.total_usd
              ORDER BY
                `orders`.total_usd SEPARATOR ','
            ),
            ',',
            FLOOR((1 + (COUNT(`orders`.total_usd) - 1) * 0.9))
          ),
          ',',
          -1
        ) AS DOUBLE
      )
    ) * (
      (1 + (COUNT(`orders`.total_usd) - 1) * 0.9) - FLOOR((1 + (COUNT(`orders`.total_usd) - 1) * 0.9))
    )
  END AS `orders_p90_order_value`
FROM
  `demo`.`orders` AS `orders`
GROUP BY
  1
ORDER BY
  `orders_region`
LIMIT
  500
