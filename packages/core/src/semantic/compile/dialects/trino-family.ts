import type { DialectFamily } from '../sql-dialect.js';
import { quoteString } from '../sql-dialect.js';

/** Trino and Athena. */
export const trinoFamily: DialectFamily = (startOfWeek) => {
  const shift = startOfWeek ?? 0;
  const shifted = (x: string) => (shift ? `(${x} - INTERVAL '${shift}' DAY)` : x);
  return {
    truncate: (x, unit) =>
      unit === 'WEEK' && shift
        ? `(DATE_TRUNC('WEEK', ${shifted(x)}) + INTERVAL '${shift}' DAY)`
        : `DATE_TRUNC('${unit}', ${x})`,
    datePart: (x, part) => {
      if (part === 'DOW' && startOfWeek !== undefined) {
        return `(MOD(EXTRACT(DOW FROM ${x}) - ${startOfWeek + 1} + 7, 7) + 1)`;
      }
      return `EXTRACT(${part} FROM ${part === 'WEEK' ? shifted(x) : x})`;
    },
    dayName: (x) => `DATE_FORMAT(${x}, '%W')`,
    monthName: (x) => `DATE_FORMAT(${x}, '%M')`,
    quarterName: (x) => `CONCAT('Q', CAST(EXTRACT(QUARTER FROM ${x}) AS VARCHAR))`,
    average: (x) => `AVG(${x})`,
    percentile: (x, p) => `APPROX_PERCENTILE(${x}, ${p})`,
    median: (x) => `APPROX_PERCENTILE(${x}, 0.5)`,
    stringLiteral: (value) => quoteString(value, false),
    likeEscape: 'bang',
    currentTimestamp: () => 'CURRENT_TIMESTAMP',
    addInterval: (x, amount, unit) => `DATE_ADD('${unit.toLowerCase()}', ${amount}, ${x})`,
    castToDate: (x) => `CAST(${x} AS DATE)`,
  };
};
