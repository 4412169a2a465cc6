/** Temp table `days`: the calendar with integer day weights that orders and sessions are allocated over. */
import { DEMO_START_DATE, N_DAYS } from './constants.js';
import type { Step } from './constants.js';

export function calendarStep(): Step {
  return {
    name: 'calendar',
    sql: [
      // One row per day with integer weights for orders and sessions: growth, yearly seasonality
      // (holiday peak, January dip), weekday pattern, Black Friday–Cyber Monday, a spring sale,
      // one outage day and ±10 % noise. Integer weights keep the cumulative sums exact.
      `CREATE TEMP TABLE days AS
         WITH base AS (
           SELECT i AS day_idx, (DATE '${DEMO_START_DATE}' + i::INTEGER) AS d FROM range(${N_DAYS}) t(i)
         ), feat AS (
           SELECT day_idx, d, dayofweek(d) AS dow, dayofyear(d) AS doy,
             make_date(year(d), 11, 1) + ((11 - dayofweek(make_date(year(d), 11, 1))) % 7)::INTEGER + 21 AS thanksgiving
           FROM base
         ), shaped AS (
           SELECT day_idx, d,
             d BETWEEN thanksgiving + 1 AND thanksgiving + 4 AS is_bfcm,
             exp(1.15 * day_idx / ${N_DAYS})
               * (1 + 0.18 * cos(2 * pi() * (doy - 340) / 365.25))
               * CASE dow WHEN 0 THEN 1.08 WHEN 1 THEN 1.10 WHEN 5 THEN 0.90 WHEN 6 THEN 0.88 ELSE 1.0 END
               * CASE WHEN d BETWEEN thanksgiving + 1 AND thanksgiving + 4 THEN 2.4
                      WHEN month(d) = 12 AND day(d) BETWEEN 1 AND 20 THEN 1.3
                      WHEN month(d) = 12 AND day(d) BETWEEN 24 AND 26 THEN 0.6
                      WHEN month(d) = 1 AND day(d) = 1 THEN 0.5
                      WHEN month(d) = 4 AND day(d) BETWEEN 10 AND 20 THEN 1.25
                      WHEN d = DATE '2024-03-14' THEN 0.3
                      ELSE 1.0 END AS shape
           FROM feat
         ), weighted AS (
           SELECT day_idx, d, is_bfcm,
             round(1e6 * shape * (0.9 + 0.2 * rnd(day_idx, 1)))::BIGINT AS w_orders,
             round(1e6 * shape * (0.75 + 0.25 * day_idx / ${N_DAYS}) * (0.9 + 0.2 * rnd(day_idx, 2)))::BIGINT AS w_sessions
           FROM shaped
         )
         SELECT day_idx, d, is_bfcm, w_orders, w_sessions,
           sum(w_orders) OVER (ORDER BY day_idx) AS cum_orders, sum(w_orders) OVER () AS tot_orders,
           sum(w_sessions) OVER (ORDER BY day_idx) AS cum_sessions, sum(w_sessions) OVER () AS tot_sessions
         FROM weighted`,
    ],
  };
}
