import type { DialectFamily } from '../sql-dialect.js';
import { quoteString } from '../sql-dialect.js';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const PARTS = { DOW: 'DAYOFWEEK', DAY: 'DAY', DOY: 'DAYOFYEAR', WEEK: 'WEEK', MONTH: 'MONTH', QUARTER: 'QUARTER', YEAR: 'YEAR', HOUR: 'HOUR', MINUTE: 'MINUTE' } as const;

/** BigQuery: separate DATE / TIMESTAMP functions, `WEEK(<day>)` for the week start, approximate quantiles. */
export const bigqueryFamily: DialectFamily = (startOfWeek) => {
  const week = startOfWeek === undefined ? 'WEEK' : `WEEK(${WEEKDAYS[startOfWeek] ?? 'MONDAY'})`;
  const format = (pattern: string) => (x: string, baseType: 'date' | 'timestamp') =>
    baseType === 'date' ? `FORMAT_DATE('${pattern}', ${x})` : `FORMAT_TIMESTAMP('${pattern}', ${x})`;
  return {
    truncate: (x, unit, baseType) => {
      const grain = unit === 'WEEK' ? week : unit;
      return baseType === 'date' ? `DATE_TRUNC(${x}, ${grain})` : `TIMESTAMP_TRUNC(${x}, ${grain})`;
    },
    datePart: (x, part) => {
      if (part === 'DOW' && startOfWeek !== undefined) {
        return `(MOD(EXTRACT(DAYOFWEEK FROM ${x}) - ${((startOfWeek + 1) % 7) + 1} + 7, 7) + 1)`;
      }
      return `EXTRACT(${part === 'WEEK' ? week : PARTS[part]} FROM ${x})`;
    },
    dayName: format('%A'),
    monthName: format('%B'),
    quarterName: format('Q%Q'),
    average: (x) => `AVG(${x})`,
    percentile: (x, p) => `APPROX_QUANTILES(${x}, 100)[OFFSET(${Math.round(p * 100)})]`,
    median: (x) => `APPROX_QUANTILES(${x}, 100)[OFFSET(50)]`,
    stringLiteral: (value) => quoteString(value, true),
    likeEscape: 'backslash',
    currentTimestamp: () => 'CURRENT_TIMESTAMP()',
    // DATETIME arithmetic accepts every unit, TIMESTAMP arithmetic only up to DAY.
    addInterval: (x, amount, unit) => `TIMESTAMP(DATETIME_ADD(DATETIME(${x}), INTERVAL ${amount} ${unit}))`,
    castToDate: (x) => `DATE(${x})`,
  };
};
