import type { TimeFrame } from '@tessera/core';

/**
 * What each time frame should give for an instant, computed in TypeScript without any SQL — the
 * reference the engine tests compare with. Instants are wall-clock times (no zone); dates are
 * midnight. Truncations are `YYYY-MM-DD HH:MM:SS.mmm`, parts numbers, names English.
 */
export interface FrameConventions {
  /** 0 = Monday … 6 = Sunday; undefined = the family's default. */
  weekStart: number | undefined;
  /** The first day of the week when none is set (0 = Monday). */
  defaultWeekStart: number;
  /** DAY_OF_WEEK_INDEX with no week start: the engine's native numbering. */
  nativeDayOfWeek: (isoDay: number) => number;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const text = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
const midnight = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
/** 0 = Monday … 6 = Sunday. */
const isoDay = (d: Date) => (d.getUTCDay() + 6) % 7;

/** ISO 8601 week number: the week (Monday–Sunday) holding the year's first Thursday is week 1. */
export const isoWeek = (d: Date): number => {
  const thursday = new Date(midnight(d).getTime() + (3 - isoDay(d)) * DAY_MS);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
};

/** Parses `YYYY-MM-DD[ HH:MM:SS[.mmm]]` as a wall-clock instant. */
export const wallClock = (value: string): Date => new Date(`${value.replace(' ', 'T')}${value.length === 10 ? 'T00:00:00' : ''}Z`);

export const expectedFrame = (frame: TimeFrame, value: string, c: FrameConventions): string | number => {
  const d = wallClock(value);
  const weekStart = c.weekStart ?? c.defaultWeekStart;
  const daysIntoWeek = (isoDay(d) - weekStart + 7) % 7;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (frame) {
    case 'RAW':
      return text(d);
    case 'YEAR':
      return text(new Date(Date.UTC(y, 0, 1)));
    case 'QUARTER':
      return text(new Date(Date.UTC(y, m - (m % 3), 1)));
    case 'MONTH':
      return text(new Date(Date.UTC(y, m, 1)));
    case 'WEEK':
      return text(new Date(midnight(d).getTime() - daysIntoWeek * DAY_MS));
    case 'DAY':
      return text(midnight(d));
    case 'HOUR':
      return text(new Date(Date.UTC(y, m, d.getUTCDate(), d.getUTCHours())));
    case 'MINUTE':
      return text(new Date(Date.UTC(y, m, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes())));
    case 'SECOND':
      return text(new Date(Date.UTC(y, m, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds())));
    case 'MILLISECOND':
      return text(d);
    case 'DAY_OF_WEEK_INDEX':
      return c.weekStart === undefined ? c.nativeDayOfWeek(isoDay(d)) : daysIntoWeek + 1;
    case 'DAY_OF_MONTH_NUM':
      return d.getUTCDate();
    case 'DAY_OF_YEAR_NUM':
      return Math.floor((midnight(d).getTime() - Date.UTC(y, 0, 1)) / DAY_MS) + 1;
    case 'WEEK_NUM':
      // The ISO week of the day shifted back by the week start: weeks run from the configured day.
      return isoWeek(new Date(d.getTime() - weekStart * DAY_MS));
    case 'MONTH_NUM':
      return m + 1;
    case 'QUARTER_NUM':
      return Math.floor(m / 3) + 1;
    case 'YEAR_NUM':
      return y;
    case 'HOUR_OF_DAY_NUM':
      return d.getUTCHours();
    case 'MINUTE_OF_HOUR_NUM':
      return d.getUTCMinutes();
    case 'DAY_OF_WEEK_NAME':
      return DAY_NAMES[isoDay(d)]!;
    case 'MONTH_NAME':
      return MONTH_NAMES[m]!;
    case 'QUARTER_NAME':
      return `Q${Math.floor(m / 3) + 1}`;
  }
};

/** An engine's text for a truncated value (`2024-02-26`, `2024-02-26 00:00:00+00`, `…13:45:30.1`) as `YYYY-MM-DD HH:MM:SS.mmm`. */
export const normalizeTimestampText = (value: string): string => {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?)?/.exec(value);
  if (!m) return value;
  return `${m[1]} ${m[2] ?? '00:00:00'}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}`;
};
