import { ParameterError } from '../../errors/index.js';

/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl`. Instants are epoch
 * milliseconds; civil dates and times are what a clock on the wall in the zone shows.
 * Wall times a DST change skips are moved forward by the gap; wall times it repeats resolve to
 * the earlier instant (Temporal's "compatible" disambiguation).
 */
export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface CivilDateTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new ParameterError(`Unknown time zone "${timeZone}": use an IANA name such as "Europe/London" or "UTC"`, {
        timezone: timeZone,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Throws a ParameterError unless the runtime knows the zone. */
export const assertTimeZone = (timeZone: string): void => {
  formatterFor(timeZone);
};

const mod = (a: number, b: number): number => ((a % b) + b) % b;

export const civilOf = (instant: number, timeZone: string): CivilDateTime => {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) fields[part.type] = part.value;
  const year = Number(fields.year);
  return {
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - year : year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: mod(instant, 1000),
  };
};

/** The fields read as UTC (days and months past their range roll over). Years 0–99 stay as given. */
export const utcMsOf = (civil: CivilDate & Partial<CivilDateTime>): number => {
  const date = new Date(0);
  date.setUTCFullYear(civil.year, civil.month - 1, civil.day);
  date.setUTCHours(civil.hour ?? 0, civil.minute ?? 0, civil.second ?? 0, civil.millisecond ?? 0);
  return date.getTime();
};

const offsetAt = (instant: number, timeZone: string): number => utcMsOf(civilOf(instant, timeZone)) - instant;

export const instantOf = (civil: CivilDate & Partial<CivilDateTime>, timeZone: string): number => {
  const local = utcMsOf(civil);
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const valid = [...new Set([before, after])].map((offset) => local - offset).filter((t) => offsetAt(t, timeZone) === local - t);
  // In a gap no offset fits; the offset in force before the gap moves the time forward by its length.
  return valid.length > 0 ? Math.min(...valid) : local - before;
};

export const civilDateOfUtc = (ms: number): CivilDate => {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

export const addDays = (date: CivilDate, days: number): CivilDate => civilDateOfUtc(utcMsOf(date) + days * DAY_MS);

const daysInMonth = (year: number, month: number): number => civilDateOfUtc(utcMsOf({ year, month: month + 1, day: 0 })).day;

/** Calendar months; the day is clamped to the target month's length (31 March − 1 month = 29 February in 2024). */
export const addMonths = (date: CivilDate, months: number): CivilDate => {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = mod(index, 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
};

/** 0 = Monday … 6 = Sunday. */
export const dayOfWeek = (date: CivilDate): number => mod(new Date(utcMsOf(date)).getUTCDay() - 1, 7);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD`; throws a ParameterError outside years 0001–9999 (what every engine's DATE holds). */
export const formatCivilDate = (date: CivilDate): string => {
  if (date.year < 1 || date.year > 9999) {
    throw new ParameterError(`A filter date falls in year ${date.year}, outside 0001–9999: use a smaller amount`);
  }
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
};
