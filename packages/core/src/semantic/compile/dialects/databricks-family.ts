import type { DialectFamily } from '../sql-dialect.js';
import { quoteString } from '../sql-dialect.js';

/** Databricks / Spark SQL. */
export const databricksFamily: DialectFamily = (startOfWeek) => {
  const shift = startOfWeek ?? 0;
  return {
    truncate: (x, unit) =>
      unit === 'WEEK' && shift
        ? `DATEADD(DAY, ${shift}, DATE_TRUNC('WEEK', DATEADD(DAY, -${shift}, ${x})))`
        : `DATE_TRUNC('${unit}', ${x})`,
    datePart: (x, part) => {
      // DATE_PART('DOW') is 1 = Sunday … 7 = Saturday on Spark; WEEKDAY is 0 = Monday … 6 = Sunday.
      if (part === 'DOW' && startOfWeek !== undefined) return `(MOD(WEEKDAY(${x}) - ${startOfWeek} + 7, 7) + 1)`;
      if (part === 'WEEK' && shift) return `DATE_PART('WEEK', DATEADD(DAY, -${shift}, ${x}))`;
      return `DATE_PART('${part}', ${x})`;
    },
    dayName: (x) => `DATE_FORMAT(${x}, 'EEEE')`,
    monthName: (x) => `DATE_FORMAT(${x}, 'MMMM')`,
    quarterName: (x) => `DATE_FORMAT(${x}, 'QQQ')`,
    average: (x) => `AVG(${x})`,
    percentile: (x, p) => `PERCENTILE(${x}, ${p})`,
    median: (x) => `PERCENTILE(${x}, 0.5)`,
    stringLiteral: (value) => quoteString(value, true),
    likeEscape: 'bang',
    currentTimestamp: () => 'CURRENT_TIMESTAMP()',
    addInterval: (x, amount, unit) => `DATEADD(${unit}, ${amount}, ${x})`,
    castToDate: (x) => `CAST(${x} AS DATE)`,
  };
};
