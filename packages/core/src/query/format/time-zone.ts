import { ParameterError } from '../../errors/index.js';
import { utcMs } from './instant.js';

/** Offset (ms, local − UTC) of an IANA zone at an instant. */
export type ZoneOffset = (epochMs: number) => number;

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

/** True when the zone is UTC under any of its usual names (the fast path: no Intl lookup). */
export const isUtc = (timeZone: string | undefined): boolean => timeZone === undefined || UTC_NAMES.has(timeZone);

const formats = new Map<string, Intl.DateTimeFormat>();

const dateTimeFormat = (timeZone: string): Intl.DateTimeFormat => {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new ParameterError(`Unknown timezone "${timeZone}": use an IANA zone name such as "Europe/Paris" or "UTC"`, { timezone: timeZone });
    }
    formats.set(timeZone, format);
  }
  return format;
};

/** Throws ParameterError when `timeZone` is not a zone Intl knows. */
export const checkTimeZone = (timeZone: string | undefined): void => {
  if (!isUtc(timeZone)) dateTimeFormat(timeZone!);
};

const DAY_MS = 86_400_000;
const MAX_EPOCH_MS = 8.64e15;
const MAX_CACHED_DAYS = 100_000;

/** Zone → UTC day → its offset (NaN: the offset changes that day). Shared by all formatters. */
const offsets = new Map<string, Map<number, number>>();
let cachedDays = 0;

/**
 * The offset reader of a zone. Offsets are computed with `formatToParts` (slow: microseconds) and
 * cached per zone and UTC day when the offset is the same at both ends of the day; a day with a
 * transition (DST change) is computed per instant. This assumes no zone changes its offset twice
 * within a day and back, which the tz database has no case of.
 */
export const zoneOffset = (timeZone: string): ZoneOffset => {
  const format = dateTimeFormat(timeZone);
  const exact = (epochMs: number): number => {
    const second = Math.floor(epochMs / 1000) * 1000;
    // Outside the instants a Date can hold, Intl throws: no zone rules apply there anyway.
    if (!(Math.abs(second) <= MAX_EPOCH_MS)) return 0;
    let y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0;
    let beforeChrist = false;
    for (const part of format.formatToParts(second)) {
      switch (part.type) {
        case 'era': beforeChrist = part.value === 'BC'; break;
        case 'year': y = Number(part.value); break;
        case 'month': mo = Number(part.value); break;
        case 'day': d = Number(part.value); break;
        case 'hour': h = Number(part.value); break;
        case 'minute': mi = Number(part.value); break;
        case 'second': s = Number(part.value); break;
        default: break;
      }
    }
    // Years before 1 AD come as "51 BC": astronomical year 1 − 51 = −50.
    return utcMs(beforeChrist ? 1 - y : y, mo, d, h, mi, s) - second;
  };
  let days = offsets.get(timeZone);
  if (!days) offsets.set(timeZone, (days = new Map()));
  return (epochMs) => {
    const day = Math.floor(epochMs / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      const start = exact(day * DAY_MS);
      offset = start === exact(day * DAY_MS + DAY_MS - 1) ? start : Number.NaN;
      if (++cachedDays > MAX_CACHED_DAYS) {
        for (const cached of offsets.values()) cached.clear();
        cachedDays = 1;
      }
      days.set(day, offset);
    }
    return Number.isNaN(offset) ? exact(epochMs) : offset;
  };
};
