import type { DialectFamily } from '../sql-dialect.js';
import { quoteString } from '../sql-dialect.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FULL_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Snowflake. Without a week start, weeks follow the session's `WEEK_START` (the warehouse default);
 * with one, the SQL says it through `DAYOFWEEKISO` / `WEEKISO`, which no session setting changes.
 */
export const snowflakeFamily: DialectFamily = (startOfWeek) => {
  /** Days since the start of x's week: 0..6. */
  const daysIntoWeek = (x: string) => `MOD(DAYOFWEEKISO(${x}) - 1 - ${startOfWeek ?? 0} + 7, 7)`;
  return {
    truncate: (x, unit) =>
      unit === 'WEEK' && startOfWeek !== undefined
        ? `DATEADD(DAY, -${daysIntoWeek(x)}, DATE_TRUNC('DAY', ${x}))`
        : `DATE_TRUNC('${unit}', ${x})`,
    datePart: (x, part) => {
      if (startOfWeek !== undefined && part === 'DOW') return `(${daysIntoWeek(x)} + 1)`;
      if (startOfWeek !== undefined && part === 'WEEK') return `WEEKISO(DATEADD(DAY, -${startOfWeek}, ${x}))`;
      return `DATE_PART('${part}', ${x})`;
    },
    dayName: (x) => `DECODE(TO_CHAR(${x}, 'DY'), ${DAYS.map((d, i) => `'${d}', '${FULL_DAYS[i]}'`).join(', ')})`,
    monthName: (x) => `TO_CHAR(${x}, 'MMMM')`,
    quarterName: (x) => `CONCAT('Q', DATE_PART('QUARTER', ${x}))`,
    average: (x) => `AVG(${x})`,
    percentile: (x, p) => `PERCENTILE_CONT(${p}) WITHIN GROUP (ORDER BY ${x})`,
    median: (x) => `PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ${x})`,
    stringLiteral: (value) => quoteString(value, true),
    likeEscape: 'bang',
    currentTimestamp: () => 'CURRENT_TIMESTAMP()',
    addInterval: (x, amount, unit) => `DATEADD(${unit}, ${amount}, ${x})`,
    castToDate: (x) => `CAST(${x} AS DATE)`,
  };
};
