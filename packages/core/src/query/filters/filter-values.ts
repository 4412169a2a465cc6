import { ParameterError } from '../../errors/index.js';
import { UNITS_OF_TIME, type UnitOfTime } from '../../semantic/types/explore.js';
import type { FilterRule } from '../types.js';
import type { FilterTarget } from './filter-types.js';
import { instantOf, utcMsOf, civilDateOfUtc } from './zoned-time.js';

/**
 * Reading a rule's `values` for a field type. Every check happens here, before any SQL is built,
 * so a value that is not what the field needs is a 400 naming the field and the value, never an
 * engine error. The values are JSON, so only strings, numbers and booleans are expected.
 */

/** At most this much of an offending value is quoted back in an error message. */
const QUOTED_LENGTH = 80;

export const quote = (value: unknown): string => {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text;
};

export const badValue = (target: FilterTarget, rule: FilterRule, value: unknown, expected: string): ParameterError =>
  new ParameterError(`Filter on "${target.fieldId}" (${rule.operator}): value ${quote(value)} is not ${expected}`, {
    fieldId: target.fieldId,
    operator: rule.operator,
    value: quote(value),
  });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text every engine can hold: no NUL (C engines and drivers cut strings there), no half of a surrogate pair (not UTF-8). */
export const filterText = (target: FilterTarget, rule: FilterRule, value: unknown): string => {
  let text: string;
  if (typeof value === 'string') text = value;
  else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') text = String(value);
  else throw badValue(target, rule, value, 'text (a string, number or boolean)');
  if (text.includes('\0')) throw badValue(target, rule, value, 'valid text: it contains a NUL character (\\u0000); remove it');
  if (LONE_SURROGATE.test(text)) throw badValue(target, rule, value, 'valid text: it contains half of a UTF-16 surrogate pair');
  return text;
};

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A finite number, or a string in plain decimal/exponent notation (no hex, no `Infinity`). */
export const filterNumber = (target: FilterTarget, rule: FilterRule, value: unknown): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) throw badValue(target, rule, value, 'a finite number');
  return n === 0 ? 0 : n; // -0 renders as 0 anyway; keep one zero
};

const TRUE_TEXT = new Set(['true', 'yes', '1', 't', 'y']);
const FALSE_TEXT = new Set(['false', 'no', '0', 'f', 'n']);

export const filterBoolean = (target: FilterTarget, rule: FilterRule, value: unknown): boolean => {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text !== undefined && TRUE_TEXT.has(text)) return true;
  if (text !== undefined && FALSE_TEXT.has(text)) return false;
  throw badValue(target, rule, value, 'a boolean (true or false)');
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A calendar day, optionally with a midnight time as JSON-serialised dates carry (`2024-05-01T00:00:00.000Z`). */
const DAY_AT_MIDNIGHT = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00(?::?00)?)?)?$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const isCalendarDay = (year: number, month: number, day: number): boolean => {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const date = civilDateOfUtc(utcMsOf({ year, month, day }));
  return date.month === month && date.day === day;
};

/** `YYYY-MM-DD` of a real day in 0001–9999. */
export const filterDate = (target: FilterTarget, rule: FilterRule, value: unknown): string => {
  const day = typeof value === 'string' ? DAY_AT_MIDNIGHT.exec(value.trim())?.[1] : undefined;
  const m = day === undefined ? null : DAY.exec(day);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw badValue(target, rule, value, 'a date as YYYY-MM-DD');
  }
  return day!;
};

/**
 * An instant (epoch ms) from ISO 8601 `YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]`. Without a zone
 * the wall time is read in `timezone`; a bare date is its midnight there. Digits past
 * milliseconds are dropped (literals carry milliseconds).
 */
export const filterTimestamp = (target: FilterTarget, rule: FilterRule, value: unknown, timezone: string): number => {
  const m = typeof value === 'string' ? TIMESTAMP.exec(value.trim()) : null;
  const invalid = () => badValue(target, rule, value, 'a timestamp as ISO 8601 (YYYY-MM-DDTHH:MM:SS, optionally with Z or an offset)');
  if (!m) throw invalid();
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
    number, number, number, number, number, number,
  ];
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) throw invalid();
  const millisecond = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const civil = { year, month, day, hour, minute, second, millisecond };
  const zone = m[8]?.toUpperCase();
  let instant: number;
  if (zone === undefined) instant = instantOf(civil, timezone);
  else if (zone === 'Z') instant = utcMsOf(civil);
  else {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMinutes = Number(zone.slice(3).replace(':', '') || '0');
    if (offsetHours > 23 || offsetMinutes > 59) throw invalid();
    const sign = zone.startsWith('-') ? -1 : 1;
    instant = utcMsOf(civil) - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  // The literal is UTC wall clock, which must stay in 0001–9999 too.
  const utcYear = new Date(instant).getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) throw invalid();
  return instant;
};

/** The N of `inThePast N`: a whole number ≥ 0. */
export const filterAmount = (target: FilterTarget, rule: FilterRule, value: unknown): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw badValue(target, rule, value, 'a whole number of periods (0 or more)');
  return n;
};

export const filterUnit = (target: FilterTarget, rule: FilterRule): UnitOfTime => {
  const unit: unknown = rule.settings?.unitOfTime ?? 'days';
  if (typeof unit === 'string' && (UNITS_OF_TIME as readonly string[]).includes(unit)) return unit as UnitOfTime;
  throw new ParameterError(
    `Filter on "${target.fieldId}" (${rule.operator}): unitOfTime ${quote(unit)} is not one of ${UNITS_OF_TIME.join(', ')}`,
    { fieldId: target.fieldId, operator: rule.operator, value: quote(unit) },
  );
};

export const filterCompleted = (target: FilterTarget, rule: FilterRule): boolean => {
  const completed: unknown = rule.settings?.completed ?? false;
  if (typeof completed === 'boolean') return completed;
  throw new ParameterError(`Filter on "${target.fieldId}" (${rule.operator}): completed ${quote(completed)} is not true or false`, {
    fieldId: target.fieldId,
    operator: rule.operator,
    value: quote(completed),
  });
};

/** The two ends of `inBetween`; one value alone is an error, not a silent half-open range. */
export const betweenValues = (target: FilterTarget, rule: FilterRule, values: readonly unknown[]): [unknown, unknown] => {
  if (values.length < 2) {
    throw new ParameterError(`Filter on "${target.fieldId}" (inBetween): needs two values, a start and an end; got ${quote(values)}`, {
      fieldId: target.fieldId,
      operator: rule.operator,
      value: quote(values),
    });
  }
  return [values[0], values[1]];
};
