import type { TimeFrame } from '../../semantic/types/explore.js';
import { toEpochMs } from './instant.js';
import { stringify } from './stringify.js';
import { isUtc, zoneOffset } from './time-zone.js';
import type { ZoneOffset } from './time-zone.js';

/**
 * Dates and timestamps in the anchor's display formats (moment patterns of `formatting.ts`):
 *   date      YEAR `YYYY` · QUARTER `YYYY-[Q]Q` · MONTH `YYYY-MM` · otherwise `YYYY-MM-DD`
 *   timestamp `YYYY-MM-DD, HH:mm:ss:SSS (Z)`; HOUR `…, HH (Z)`; MINUTE `…, HH:mm (Z)`; SECOND `…, HH:mm:ss (Z)`
 * A date is a calendar value: a Date object is read in UTC, a `YYYY-MM-DD` string as written. A
 * timestamp is an instant shown in the display zone (UTC unless one is given).
 * Values that are not dates stay as they are (an invalid Date shows `NaT`).
 */

const PAD2 = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));
const pad2 = (n: number): string => PAD2[n] ?? String(n);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
const year4 = (y: number): string => (y >= 0 && y < 10_000 ? String(y).padStart(4, '0') : String(y));

type DateParts = (y: number, month: number, d: number) => string;

const datePattern = (interval: TimeFrame | undefined): DateParts => {
  switch (interval) {
    case 'YEAR':
      return (y) => year4(y);
    case 'QUARTER':
      return (y, month) => `${year4(y)}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'MONTH':
      return (y, month) => `${year4(y)}-${pad2(month)}`;
    default:
      return (y, month, d) => `${year4(y)}-${pad2(month)}-${pad2(d)}`;
  }
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` string in the interval's pattern without building a Date (the common case). */
const dateOnly = (interval: TimeFrame | undefined): ((text: string) => string) => {
  switch (interval) {
    case 'YEAR':
      return (text) => text.slice(0, 4);
    case 'QUARTER':
      return (text) => `${text.slice(0, 4)}-Q${Math.floor((Number(text.slice(5, 7)) - 1) / 3) + 1}`;
    case 'MONTH':
      return (text) => text.slice(0, 7);
    default:
      return (text) => text;
  }
};

const notADate = (raw: unknown): string => (raw instanceof Date ? 'NaT' : stringify(raw));

export const createDateFormatter = (interval: TimeFrame | undefined): ((raw: unknown) => string) => {
  const pattern = datePattern(interval);
  const fromText = dateOnly(interval);
  return (raw) => {
    if (typeof raw === 'string' && raw.length === 10 && DATE_ONLY.test(raw)) return fromText(raw);
    const ms = toEpochMs(raw);
    if (ms === undefined) return notADate(raw);
    const date = new Date(ms);
    return pattern(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  };
};

const DAY_MS = 86_400_000;

/** The time of day (ms since local midnight, 0 ≤ t < a day) in the interval's pattern. */
type TimeParts = (msOfDay: number) => string;

const timePattern = (interval: TimeFrame | undefined): TimeParts => {
  const hh = (t: number) => pad2(Math.floor(t / 3_600_000));
  const mm = (t: number) => pad2(Math.floor(t / 60_000) % 60);
  const ss = (t: number) => pad2(Math.floor(t / 1000) % 60);
  switch (interval) {
    case 'HOUR':
      return hh;
    case 'MINUTE':
      return (t) => `${hh(t)}:${mm(t)}`;
    case 'SECOND':
      return (t) => `${hh(t)}:${mm(t)}:${ss(t)}`;
    default:
      return (t) => `${hh(t)}:${mm(t)}:${ss(t)}:${pad3(t % 1000)}`;
  }
};

/** `+HH:mm` / `-HH:mm` of an offset in ms (seconds of historic offsets are dropped, as moment does). */
export const offsetText = (offsetMs: number): string => {
  const minutes = Math.trunc(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
};

/** Timestamps shown in `timeZone` (IANA name; UTC when undefined). Throws ParameterError for an unknown zone. */
export const createTimestampFormatter = (interval: TimeFrame | undefined, timeZone?: string): ((raw: unknown) => string) => {
  const time = timePattern(interval);
  const offsetOf: ZoneOffset | undefined = isUtc(timeZone) ? undefined : zoneOffset(timeZone!);
  // Rows of a result usually share their day and their zone offset with the row before: both texts
  // are kept from it, and the time of day is plain arithmetic (no Date per value).
  let day = Number.NaN;
  let dayText = '';
  let offset = 0;
  let zoneText = offsetText(0);
  return (raw) => {
    const ms = toEpochMs(raw);
    if (ms === undefined) return notADate(raw);
    const at = offsetOf ? offsetOf(ms) : 0;
    if (at !== offset) {
      offset = at;
      zoneText = offsetText(at);
    }
    const local = ms + at;
    const d = Math.floor(local / DAY_MS);
    if (d !== day) {
      const date = new Date(d * DAY_MS);
      if (Number.isNaN(date.getTime())) return notADate(new Date(Number.NaN));
      day = d;
      dayText = `${year4(date.getUTCFullYear())}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
    }
    return `${dayText}, ${time(local - d * DAY_MS)} (${zoneText})`;
  };
};
