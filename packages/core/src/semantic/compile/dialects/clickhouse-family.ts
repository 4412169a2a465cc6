import type { DialectFamily, DatePart, TruncateUnit } from '../sql-dialect.js';
import { quoteString } from '../sql-dialect.js';

const START_OF: Record<Exclude<TruncateUnit, 'WEEK'>, string> = {
  MILLISECOND: 'toStartOfMillisecond',
  SECOND: 'toStartOfSecond',
  MINUTE: 'toStartOfMinute',
  HOUR: 'toStartOfHour',
  DAY: 'toStartOfDay',
  MONTH: 'toStartOfMonth',
  QUARTER: 'toStartOfQuarter',
  YEAR: 'toStartOfYear',
};
const PART_OF: Record<DatePart, string> = {
  DOW: 'toDayOfWeek',
  DAY: 'toDayOfMonth',
  DOY: 'toDayOfYear',
  WEEK: 'toISOWeek',
  MONTH: 'toMonth',
  QUARTER: 'toQuarter',
  YEAR: 'toYear',
  HOUR: 'toHour',
  MINUTE: 'toMinute',
};

/** ClickHouse: `toStartOf…` / `to…` functions; weeks start on Monday (mode 1) unless shifted. */
export const clickhouseFamily: DialectFamily = (startOfWeek) => {
  const shift = startOfWeek ?? 0;
  return {
    truncate: (x, unit) => {
      if (unit !== 'WEEK') return `${START_OF[unit]}(${x})`;
      return shift ? `addDays(toStartOfWeek(addDays(${x}, -${shift}), 1), ${shift})` : `toStartOfWeek(${x}, 1)`;
    },
    datePart: (x, part) => {
      if (part === 'DOW' && startOfWeek !== undefined) return `(modulo(toDayOfWeek(${x}) - ${startOfWeek + 1} + 7, 7) + 1)`;
      // As in the other families: the ISO week of the day shifted back by the week start.
      if (part === 'WEEK' && shift) return `toISOWeek(addDays(${x}, -${shift}))`;
      return `${PART_OF[part]}(${x})`;
    },
    dayName: (x) => `dateName('weekday', ${x})`,
    monthName: (x) => `dateName('month', ${x})`,
    quarterName: (x) => `concat('Q', toString(toQuarter(${x})))`,
    average: (x) => `avg(${x})`,
    percentile: (x, p) => `quantile(${p})(${x})`,
    median: (x) => `median(${x})`,
    stringLiteral: (value) => quoteString(value, true),
    likeEscape: 'backslash',
    currentTimestamp: () => 'now()',
    addInterval: (x, amount, unit) => `(${x} ${amount < 0 ? '-' : '+'} INTERVAL ${Math.abs(amount)} ${unit})`,
    castToDate: (x) => `toDate(${x})`,
  };
};
