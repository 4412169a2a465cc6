/**
 * Validation and canonical text for typed literal values. Everything here is engine-independent:
 * a value that passes comes out as text made only of digits, `-`, `.`, `:` and spaces, so dialect
 * hooks may wrap it in quotes without escaping.
 */
export type LiteralValue =
  | { type: 'string'; value: string }
  /** `number` renders what JS holds (123456789012345678 is already 123456789012345680); pass a bigint for exact big integers. */
  | { type: 'number'; value: number | bigint }
  | { type: 'boolean'; value: boolean }
  /** `YYYY-MM-DD`, a real calendar day in years 0001–9999. */
  | { type: 'date'; value: string }
  /** An instant: a Date or an ISO 8601 string; without a zone the string is read as UTC. */
  | { type: 'timestamp'; value: Date | string }
  | { type: 'null' };

/** A value that cannot safely become SQL text. Callers at the HTTP edge map it to a 400. */
export class UnsafeLiteralError extends Error {
  override readonly name = 'UnsafeLiteralError';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text every engine can carry: no NUL (drivers and C engines truncate at it), no lone surrogates (not UTF-8). */
export const assertSafeText = (text: string, what: string): void => {
  if (text.includes('\0')) throw new UnsafeLiteralError(`${what} contains a NUL character`);
  if (LONE_SURROGATE.test(text)) throw new UnsafeLiteralError(`${what} contains an unpaired UTF-16 surrogate`);
};

/** Expands JS exponent notation (1e+21, 1.5e-7) into plain decimal digits. */
const plainDecimal = (text: string): string => {
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const fraction = m[2] ?? '';
  const digits = `${m[1]}${fraction}`;
  const exponent = Number(m[3]) - fraction.length;
  if (exponent >= 0) return digits + '0'.repeat(exponent);
  const padded = digits.padStart(-exponent + 1, '0');
  return `${padded.slice(0, exponent)}.${padded.slice(exponent)}`;
};

/**
 * Shortest round-trip decimal of the number, never in exponent form; -0 becomes 0. Negative
 * numbers are parenthesised so that `a -` followed by the literal can never form a `--` comment.
 */
export const numberText = (value: number | bigint): string => {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new UnsafeLiteralError(`Number literal must be finite, got ${String(value)}`);
  }
  const negative = value < 0;
  const magnitude = typeof value === 'bigint' ? (negative ? -value : value).toString() : plainDecimal(String(Math.abs(value)));
  return negative ? `(-${magnitude})` : magnitude;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A UTC Date for the fields; unlike Date.UTC, years 0–99 are not moved into the 1900s. */
const utcDate = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): Date => {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millis);
  return d;
};

const isCalendarDay = (year: number, month: number, day: number): boolean => {
  const d = utcDate(year, month, day);
  return year >= 1 && year <= 9999 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
};

export const dateText = (value: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new UnsafeLiteralError(`Date literal must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
};

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const parseTimestamp = (value: string): Date => {
  const m = ISO_TIMESTAMP.exec(value);
  const invalid = () => new UnsafeLiteralError(`Timestamp literal must be an ISO 8601 date-time, got ${JSON.stringify(value)}`);
  if (!m) throw invalid();
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) throw invalid();
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const zone = (m[8] ?? 'Z').toUpperCase().replace(':', '');
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes = zone === 'Z' ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5) || 0));
  return new Date(utcDate(year, month, day, hour, minute, second, millis).getTime() - offsetMinutes * 60_000);
};

/** The instant as UTC wall-clock text `YYYY-MM-DD HH:MM:SS.mmm` (years 0001–9999). */
export const timestampText = (value: Date | string): string => {
  const date = typeof value === 'string' ? parseTimestamp(value) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new UnsafeLiteralError('Timestamp literal is an invalid Date');
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) throw new UnsafeLiteralError(`Timestamp literal year ${year} is outside 0001–9999`);
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
  );
};
