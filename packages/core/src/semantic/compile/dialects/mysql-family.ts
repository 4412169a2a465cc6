import type { DialectFamily, DatePart, TruncateUnit } from '../sql-dialect.js';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const names = (list: readonly string[]) => list.map((n) => `'${n}'`).join(', ');

/** `DATE_FORMAT` patterns for the sub-day truncations, cast back to `DATETIME`. */
const CLOCK: Record<'HOUR' | 'MINUTE' | 'SECOND', string> = {
  HOUR: '%Y-%m-%d %H:00:00',
  MINUTE: '%Y-%m-%d %H:%i:00',
  SECOND: '%Y-%m-%d %H:%i:%s',
};
const PART_FN: Record<Exclude<DatePart, 'DOW' | 'WEEK'>, string> = {
  DAY: 'DAYOFMONTH',
  DOY: 'DAYOFYEAR',
  MONTH: 'MONTH',
  QUARTER: 'QUARTER',
  YEAR: 'YEAR',
  HOUR: 'HOUR',
  MINUTE: 'MINUTE',
};

/**
 * An exact continuous percentile (PERCENTILE_CONT) as an aggregate: neither engine has one (MariaDB's
 * PERCENTILE_CONT and MEDIAN are window functions only), so the sorted values are read from a
 * GROUP_CONCAT list at the two ranks around `1 + (n - 1) * p` and interpolated. The warehouse client
 * raises `group_concat_max_len` on every connection so long groups are not cut short.
 */
const percentileCont = (x: string, p: number): string => {
  const list = `GROUP_CONCAT(${x} ORDER BY ${x} SEPARATOR ',')`;
  const rank = `(1 + (COUNT(${x}) - 1) * ${p})`;
  const at = (i: string) => `CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(${list}, ',', ${i}), ',', -1) AS DOUBLE)`;
  return `CASE WHEN COUNT(${x}) = 0 THEN NULL ELSE ${at(`FLOOR(${rank})`)} + (${at(`CEIL(${rank})`)} - ${at(`FLOOR(${rank})`)}) * (${rank} - FLOOR(${rank})) END`;
};

/**
 * MySQL and MariaDB (a Tessera extension: Lightdash has no MySQL target). There is no DATE_TRUNC:
 * day-and-longer truncations return a DATE built from `WEEKDAY` / `MAKEDATE`, shorter ones a DATETIME
 * parsed back from `DATE_FORMAT`. Weeks start on Monday unless `startOfWeek` says otherwise (MySQL's
 * own default, Sunday mode 0 of `WEEK()`, is not used); WEEK_NUM is the ISO week (`WEEK(x, 3)`) of the
 * date shifted by the week start, as in the PostgreSQL family; DAY_OF_WEEK_INDEX is 1..7 from the
 * first day of the week. Names come from `ELT`, so they do not depend on `lc_time_names`.
 */
export const mysqlFamily: DialectFamily = (startOfWeek) => {
  const shift = startOfWeek ?? 0;
  /** Days since the start of x's week: 0..6. */
  const daysIntoWeek = (x: string) => (shift ? `MOD(WEEKDAY(${x}) + ${7 - shift}, 7)` : `WEEKDAY(${x})`);
  const truncate = (x: string, unit: TruncateUnit): string => {
    switch (unit) {
      case 'YEAR':
        return `MAKEDATE(YEAR(${x}), 1)`;
      case 'QUARTER':
        return `DATE_ADD(MAKEDATE(YEAR(${x}), 1), INTERVAL QUARTER(${x}) - 1 QUARTER)`;
      case 'MONTH':
        return `DATE_ADD(MAKEDATE(YEAR(${x}), 1), INTERVAL MONTH(${x}) - 1 MONTH)`;
      case 'WEEK':
        return `DATE_SUB(DATE(${x}), INTERVAL ${daysIntoWeek(x)} DAY)`;
      case 'DAY':
        return `DATE(${x})`;
      case 'HOUR':
      case 'MINUTE':
      case 'SECOND':
        return `CAST(DATE_FORMAT(${x}, '${CLOCK[unit]}') AS DATETIME)`;
      case 'MILLISECOND':
        // Exactly three fraction digits, so the cast has nothing to round.
        return `CAST(LEFT(DATE_FORMAT(${x}, '%Y-%m-%d %H:%i:%s.%f'), 23) AS DATETIME(3))`;
    }
  };
  return {
    truncate,
    datePart: (x, part) => {
      if (part === 'DOW') return `(${daysIntoWeek(x)} + 1)`;
      if (part === 'WEEK') return shift ? `WEEK(DATE_SUB(${x}, INTERVAL ${shift} DAY), 3)` : `WEEK(${x}, 3)`;
      return `${PART_FN[part]}(${x})`;
    },
    dayName: (x) => `ELT(WEEKDAY(${x}) + 1, ${names(DAY_NAMES)})`,
    monthName: (x) => `ELT(MONTH(${x}), ${names(MONTH_NAMES)})`,
    quarterName: (x) => `CONCAT('Q', QUARTER(${x}))`,
    average: (x) => `AVG(${x})`,
    percentile: (x, p) => percentileCont(x, p),
    median: (x) => percentileCont(x, 0.5),
    // Default sql_mode: backslash is an escape, quotes are doubled (see @tessera/warehouses' mysqlDialect).
    stringLiteral: (value) => `'${value.replace(/\0/g, '').replace(/\\/g, '\\\\').replace(/'/g, "''")}'`,
    likeEscape: 'bang',
    currentTimestamp: () => 'CURRENT_TIMESTAMP',
    addInterval: (x, amount, unit) =>
      unit === 'MILLISECOND' ? `TIMESTAMPADD(MICROSECOND, ${amount * 1000}, ${x})` : `TIMESTAMPADD(${unit}, ${amount}, ${x})`,
    castToDate: (x) => `CAST(${x} AS DATE)`,
  };
};
