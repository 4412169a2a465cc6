import type { DialectFamily } from '../sql-dialect.js';
import { quoteString } from '../sql-dialect.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FULL_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Snowflake. The week start is a session setting (`WEEK_START`), so truncation stays plain. */
export const snowflakeFamily: DialectFamily = () => ({
  truncate: (x, unit) => `DATE_TRUNC('${unit}', ${x})`,
  datePart: (x, part) => `DATE_PART('${part}', ${x})`,
  dayName: (x) => `DECODE(TO_CHAR(${x}, 'DY'), ${DAYS.map((d, i) => `'${d}', '${FULL_DAYS[i]}'`).join(', ')})`,
  monthName: (x) => `TO_CHAR(${x}, 'MMMM')`,
  quarterName: (x) => `CONCAT('Q', DATE_PART('QUARTER', ${x}))`,
  average: (x) => `AVG(${x})`,
  percentile: (x, p) => `PERCENTILE_CONT(${p}) WITHIN GROUP (ORDER BY ${x})`,
  median: (x) => `PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ${x})`,
  stringLiteral: (value) => quoteString(value, true),
  currentTimestamp: () => 'CURRENT_TIMESTAMP()',
  addInterval: (x, amount, unit) => `DATEADD(${unit}, ${amount}, ${x})`,
  castToDate: (x) => `CAST(${x} AS DATE)`,
});
