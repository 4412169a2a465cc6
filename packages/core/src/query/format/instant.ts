/**
 * Reading a raw value as an instant (epoch milliseconds). Warehouse clients give timestamps as JS
 * Dates and dates as `YYYY-MM-DD` strings; other shapes (ISO strings, epoch numbers) are accepted
 * too. A string without a zone is read as UTC — never in the server's zone.
 */

const ISO = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch ms of a UTC wall time; years 0–99 are not shifted to 19xx as `Date.UTC` would. */
export const utcMs = (y: number, month: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => {
  if (y >= 100) return Date.UTC(y, month - 1, d, h, mi, s, ms);
  const date = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  date.setUTCFullYear(y, month - 1, d);
  return date.getTime();
};

const offsetMs = (zone: string): number => {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
};

/** Epoch ms of an ISO-8601 date or date-time string; undefined when it is not one or is out of range. */
export const parseIsoMs = (text: string): number | undefined => {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const wall = utcMs(Number(y), month, day, hour, minute, second, millis);
  return zone === undefined ? wall : wall - offsetMs(zone);
};

/** Epoch ms of a Date, finite number (epoch ms) or ISO string; undefined for anything else or an invalid Date. */
export const toEpochMs = (raw: unknown): number | undefined => {
  if (raw instanceof Date) {
    const t = raw.getTime();
    return Number.isNaN(t) ? undefined : t;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string') return parseIsoMs(raw);
  return undefined;
};
