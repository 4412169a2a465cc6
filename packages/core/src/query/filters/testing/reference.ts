import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addQuarters, addWeeks, addYears, startOfDay, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from 'date-fns';
import type { DimensionType, UnitOfTime } from '../../../semantic/types/explore.js';
import type { FilterGroup, FilterGroupItem, FilterRule } from '../../types.js';
import type { FilterContext } from '../filter-types.js';

/**
 * A reference evaluator for filter rules: does this row value pass? Written apart from the SQL
 * generator (no code shared with it) so that tests can compare what the engines return for the
 * generated SQL with an independent reading of the same semantics (see ../README.md). Calendar
 * arithmetic uses date-fns in the zone, and periods are compared by their index (month number,
 * week number…) rather than by boundaries.
 *
 * A rule whose values are unusable throws `ReferenceRejection` — the compiler must then throw a
 * ParameterError for the same rule.
 */
export class ReferenceRejection extends Error {}

/** Row values as tests hold them: dates as `YYYY-MM-DD`, timestamps as Dates (instants). */
export type RowValue = string | number | boolean | Date | null;

export interface ReferenceOptions {
  /** The field's default case sensitivity for string rules (default true). */
  caseSensitive?: boolean;
  /** The engine's UPPER(); default JS `toUpperCase`. Engines fold some Unicode differently. */
  upper?: (text: string) => string;
}

const reject = (what: string, value: unknown): never => {
  throw new ReferenceRejection(`${what}: ${String(value).slice(0, 60)}`);
};

// ---- values -------------------------------------------------------------------------------------

const textOf = (value: unknown): string => {
  let text = '';
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (typeof value === 'number' && Number.isFinite(value)) text = `${value}`;
  else reject('not text', value);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) reject('NUL', value);
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if (low) reject('lone low surrogate', value);
    if (high) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) reject('lone high surrogate', value);
      i++;
    }
  }
  return text;
};

const numberOf = (value: unknown): number => {
  let n = NaN;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    const prefixed = /^[+-]?0[a-z]/i.test(text);
    if (text !== '' && !prefixed) n = Number(text);
  }
  if (!Number.isFinite(n)) reject('not a number', value);
  return n;
};

const booleanOf = (value: unknown): boolean => {
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (['true', 'yes', '1', 't', 'y'].includes(text)) return true;
    if (['false', 'no', '0', 'f', 'n'].includes(text)) return false;
  }
  return reject('not a boolean', value);
};

const validDay = (y: number, m: number, d: number): boolean => {
  if (y < 1 || y > 9999) return false;
  const probe = new Date(Date.UTC(2000, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d && (m !== 2 || d !== 29 || y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
};

const dayOf = (value: unknown): string => {
  if (typeof value !== 'string') return reject('not a date', value);
  const text = value.trim();
  const head = text.slice(0, 10);
  const tail = text.slice(10).toUpperCase();
  const midnight = tail === '' || /^[T ]00:00(:00(\.0+)?)?(Z|[+-]00(:?00)?)?$/.test(tail);
  const parts = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(head);
  if (!parts || !midnight || !validDay(+parts[1]!, +parts[2]!, +parts[3]!)) reject('not a date', value);
  return head;
};

const instantOf = (value: unknown, timezone: string): number => {
  if (typeof value !== 'string') return reject('not a timestamp', value);
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(z|[+-]\d\d(?::?\d\d)?)?)?$/i.exec(value.trim());
  if (!m || (m[7] !== undefined && m[7].length > 9)) return reject('not a timestamp', value);
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as number[];
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-9);
  if (!validDay(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) reject('not a timestamp', value);
  let instant: number;
  if (m[8] === undefined) {
    instant = zoned(timezone, y!, mo!, d!, h!, mi!, s!, ms);
  } else {
    const utc = new Date(0);
    utc.setUTCFullYear(y!, mo! - 1, d!);
    utc.setUTCHours(h!, mi!, s!, ms);
    const zone = m[8].toUpperCase();
    let offset = 0;
    if (zone !== 'Z') {
      const digits = zone.slice(1).replace(':', '');
      const hours = Number(digits.slice(0, 2));
      const minutes = Number(digits.slice(2) || '0');
      if (hours > 23 || minutes > 59) reject('not a timestamp', value);
      offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
    }
    instant = utc.getTime() - offset * 60_000;
  }
  const year = new Date(instant).getUTCFullYear();
  if (year < 1 || year > 9999) reject('timestamp out of range', value);
  return instant;
};

const amountOf = (value: unknown): number => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length > 0 && [...text].every((c) => c >= '0' && c <= '9') && Number.isSafeInteger(Number(text))) return Number(text);
  }
  return reject('not an amount', value);
};

const UNITS: readonly UnitOfTime[] = ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years'];
const FIXED_MS: Partial<Record<UnitOfTime, number>> = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000 };

const unitOf = (rule: FilterRule): UnitOfTime => {
  const unit = rule.settings?.unitOfTime ?? 'days';
  return UNITS.includes(unit) ? unit : reject('not a unit', unit);
};

const completedOf = (rule: FilterRule): boolean => {
  const completed: unknown = rule.settings?.completed ?? false;
  return typeof completed === 'boolean' ? completed : reject('not a boolean', completed);
};

// ---- operators ----------------------------------------------------------------------------------

/** Decides one row; a rule that restricts nothing has no predicate (undefined). */
type Predicate = (value: RowValue) => boolean;

const APPLIES: Record<DimensionType, string[]> = {
  string: ['isNull', 'notNull', 'equals', 'notEquals', 'startsWith', 'endsWith', 'include', 'doesNotInclude'],
  number: ['isNull', 'notNull', 'equals', 'notEquals', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inBetween'],
  boolean: ['isNull', 'notNull', 'equals', 'notEquals'],
  date: [],
  timestamp: [],
};
APPLIES.date = [...APPLIES.number, 'inThePast', 'notInThePast', 'inTheNext', 'inTheCurrent', 'notInTheCurrent'];
APPLIES.timestamp = APPLIES.date;

const stringPredicate = (rule: FilterRule, options: ReferenceOptions): Predicate | undefined => {
  const values = (rule.values ?? []).map(textOf);
  const sensitive = rule.caseSensitive ?? options.caseSensitive ?? true;
  const upper = options.upper ?? ((text: string) => text.toUpperCase());
  const fold = (text: string) => (sensitive ? text : upper(text));
  const folded = values.map(fold);
  const patterns = values.filter((v) => v.length > 0).map(fold);
  const row = (value: RowValue) => (value === null ? null : fold(value as string));
  switch (rule.operator) {
    case 'equals':
      return values.length === 0 ? undefined : (v) => { const r = row(v); return r !== null && folded.includes(r); };
    case 'notEquals':
      return values.length === 0 ? undefined : (v) => { const r = row(v); return r === null || !folded.includes(r); };
    case 'include':
      return patterns.length === 0 ? undefined : (v) => { const r = row(v); return r !== null && patterns.some((p) => r.includes(p)); };
    case 'startsWith':
      return patterns.length === 0 ? undefined : (v) => { const r = row(v); return r !== null && patterns.some((p) => r.startsWith(p)); };
    case 'endsWith':
      return patterns.length === 0 ? undefined : (v) => { const r = row(v); return r !== null && patterns.some((p) => r.endsWith(p)); };
    case 'doesNotInclude':
      return patterns.length === 0 ? undefined : (v) => { const r = row(v); return r === null || patterns.every((p) => !r.includes(p)); };
    default:
      throw new Error(`unexpected ${rule.operator}`);
  }
};

/** Equality and ordering over numbers (dates as day numbers, timestamps as epoch ms). */
const orderedPredicate = (rule: FilterRule, parse: (v: unknown) => number, key: (value: RowValue) => number | null): Predicate | undefined => {
  const values = rule.values ?? [];
  if (values.length === 0) return undefined;
  const first = parse(values[0]);
  switch (rule.operator) {
    case 'equals': {
      const all = values.map(parse);
      return (v) => { const r = key(v); return r !== null && all.includes(r); };
    }
    case 'notEquals': {
      const all = values.map(parse);
      return (v) => { const r = key(v); return r === null || !all.includes(r); };
    }
    case 'lessThan':
      return (v) => { const r = key(v); return r !== null && r < first; };
    case 'lessThanOrEqual':
      return (v) => { const r = key(v); return r !== null && r <= first; };
    case 'greaterThan':
      return (v) => { const r = key(v); return r !== null && r > first; };
    case 'greaterThanOrEqual':
      return (v) => { const r = key(v); return r !== null && r >= first; };
    case 'inBetween': {
      if (values.length < 2) reject('inBetween needs two values', values);
      const last = parse(values[1]);
      return (v) => { const r = key(v); return r !== null && r >= first && r <= last; };
    }
    default:
      throw new Error(`unexpected ${rule.operator}`);
  }
};

const booleanPredicate = (rule: FilterRule): Predicate | undefined => {
  const values = (rule.values ?? []).map(booleanOf);
  if (values.length === 0) return undefined;
  if (rule.operator === 'equals') return (v) => v !== null && values.includes(v as boolean);
  if (rule.operator === 'notEquals') return (v) => v === null || !values.includes(v as boolean);
  throw new Error(`unexpected ${rule.operator}`);
};

// ---- relative dates -----------------------------------------------------------------------------

const MIN_MS = new Date(0).setUTCFullYear(1, 0, 1);
const MAX_MS = new Date(0).setUTCFullYear(10000, 0, 1) - 1;

const epochDay = (year: number, month: number, day: number): number => {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / 86_400_000);
};

/** The index of the calendar period holding the civil day: consecutive periods have consecutive indexes. */
const periodIndex = (year: number, month: number, day: number, unit: UnitOfTime, weekStart: number): number => {
  switch (unit) {
    case 'years':
      return year;
    case 'quarters':
      return year * 4 + Math.floor((month - 1) / 3);
    case 'months':
      return year * 12 + month - 1;
    case 'weeks':
      // 1970-01-01 was a Thursday (3 with Monday = 0).
      return Math.floor((epochDay(year, month, day) - weekStart + 3) / 7);
    case 'days':
      return epochDay(year, month, day);
    default:
      throw new Error(`${unit} is not a calendar unit`);
  }
};

const calendarShift = (date: TZDate, unit: UnitOfTime, amount: number): number => {
  switch (unit) {
    case 'days':
      return addDays(date, amount).getTime();
    case 'weeks':
      return addWeeks(date, amount).getTime();
    case 'months':
      return addMonths(date, amount).getTime();
    case 'quarters':
      return addQuarters(date, amount).getTime();
    case 'years':
      return addYears(date, amount).getTime();
    default:
      throw new Error(`${unit} is not a calendar unit`);
  }
};

const calendarStart = (date: TZDate, unit: UnitOfTime, weekStart: number): TZDate => {
  switch (unit) {
    case 'days':
      return startOfDay(date);
    case 'weeks':
      return startOfWeek(date, { weekStartsOn: ((weekStart + 1) % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6 });
    case 'months':
      return startOfMonth(date);
    case 'quarters':
      return startOfQuarter(date);
    case 'years':
      return startOfYear(date);
    default:
      throw new Error(`${unit} is not a calendar unit`);
  }
};

/** A wall-clock time in the zone (years 0–99 are not moved to the 1900s as Date's constructor does). */
const zoned = (timezone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => {
  const date = new TZDate(2000, 0, 1, timezone);
  date.setFullYear(y, m - 1, d);
  date.setHours(h, mi, s, ms);
  return date.getTime();
};

/** A row's span: a timestamp is one instant; a date is its whole day in the zone, [start, end). */
interface Span {
  start: number;
  end: number;
  /** The civil day, for period indexes. */
  civil: [number, number, number];
}

/** Spans are cached: building TZDates for every row × rule would dominate the tests' run time. */
const spans = new Map<string, Span>();

const spanOf = (value: RowValue, type: DimensionType, timezone: string): Span | null => {
  if (value === null) return null;
  const instant = value instanceof Date ? value.getTime() : undefined;
  const key = `${timezone}|${type}|${instant ?? String(value)}`;
  const cached = spans.get(key);
  if (cached) return cached;
  let span: Span;
  if (type === 'date') {
    const [y, m, d] = String(value).split('-').map(Number) as [number, number, number];
    span = { start: zoned(timezone, y, m, d), end: zoned(timezone, y, m, d + 1), civil: [y, m, d] };
  } else {
    const t = instant ?? Number(value);
    const wall = new TZDate(t, timezone);
    span = { start: t, end: t + 1, civil: [wall.getFullYear(), wall.getMonth() + 1, wall.getDate()] };
  }
  if (spans.size > 200_000) spans.clear();
  spans.set(key, span);
  return span;
};

/** Does the span meet [from, to] (closed) or [from, to) (half-open)? */
const overlaps = (span: Span, from: number, to: number, closed: boolean): boolean =>
  span.end > from && (closed ? span.start <= to : span.start < to);

const relativePredicate = (rule: FilterRule, type: DimensionType, ctx: FilterContext): Predicate | undefined => {
  const negate = rule.operator === 'notInThePast' || rule.operator === 'notInTheCurrent';
  const current = rule.operator === 'inTheCurrent' || rule.operator === 'notInTheCurrent';
  const past = rule.operator === 'inThePast' || rule.operator === 'notInThePast';
  const values = rule.values ?? [];
  if (!current && values.length === 0) return undefined;
  const unit = unitOf(rule);
  const amount = current ? 1 : amountOf(values[0]);
  const completed = current ? false : completedOf(rule);
  const now = ctx.now.getTime();
  const nowWall = new TZDate(now, ctx.timezone);
  const fixed = FIXED_MS[unit];

  // Ranges whose ends leave 0001–9999 cannot be written as literals: the rule is refused.
  const guard = (...instants: number[]) => {
    if (instants.some((t) => !(t >= MIN_MS && t <= MAX_MS))) reject('range out of years 0001–9999', amount);
  };

  let inside: (span: Span) => boolean;
  if (fixed !== undefined && (current || completed)) {
    const sinceStart =
      unit === 'hours' ? nowWall.getMinutes() * 60_000 + nowWall.getSeconds() * 1000 + nowWall.getMilliseconds()
      : unit === 'minutes' ? nowWall.getSeconds() * 1000 + nowWall.getMilliseconds()
      : unit === 'seconds' ? nowWall.getMilliseconds()
      : 0;
    const start = now - sinceStart;
    const first = current ? start : past ? start - amount * fixed : start + fixed;
    const periods = current ? 1 : amount;
    const last = first + periods * fixed;
    if (amount * fixed > 1e15) reject('range out of years 0001–9999', amount);
    guard(first, last);
    inside = (span) => overlaps(span, first, last, false);
  } else if (fixed !== undefined) {
    if (amount * fixed > 1e15) reject('range out of years 0001–9999', amount);
    const [from, to] = past ? [now - amount * fixed, now] : [now, now + amount * fixed];
    guard(from, to);
    inside = (span) => overlaps(span, from, to, true);
  } else if (current || completed) {
    const weekStart = ctx.weekStart ?? 0;
    const nowIndex = periodIndex(nowWall.getFullYear(), nowWall.getMonth() + 1, nowWall.getDate(), unit, weekStart);
    const [low, high] = current ? [nowIndex, nowIndex] : past ? [nowIndex - amount, nowIndex - 1] : [nowIndex + 1, nowIndex + amount];
    if (amount > 4_000_000) reject('range out of years 0001–9999', amount);
    // The boundaries themselves, only to refuse what the compiler cannot write.
    const start = calendarStart(nowWall, unit, weekStart);
    guard(...(current ? [start.getTime()] : past ? [calendarShift(start, unit, -amount)] : [calendarShift(start, unit, amount + 1)]));
    inside = (span) => {
      const index = periodIndex(...span.civil, unit, weekStart);
      return index >= low && index <= high;
    };
  } else {
    if (amount > 4_000_000) reject('range out of years 0001–9999', amount);
    const [from, to] = past ? [calendarShift(nowWall, unit, -amount), now] : [now, calendarShift(nowWall, unit, amount)];
    guard(from, to);
    inside = (span) => overlaps(span, from, to, true);
  }
  return (value) => {
    const span = spanOf(value, type, ctx.timezone);
    if (span === null) return false;
    return negate ? !inside(span) : inside(span);
  };
};

// ---- entry points -------------------------------------------------------------------------------

const RELATIVE = ['inThePast', 'notInThePast', 'inTheNext', 'inTheCurrent', 'notInTheCurrent'];

const dayNumber = (day: string): number => epochDay(...(day.split('-').map(Number) as [number, number, number]));

/**
 * The rule as a row predicate, or undefined when it restricts nothing (disabled, or no values
 * where values are needed). Throws ReferenceRejection for unusable rules.
 */
export const referencePredicate = (
  rule: FilterRule,
  type: DimensionType,
  ctx: FilterContext,
  options: ReferenceOptions = {},
): Predicate | undefined => {
  if (rule.disabled) return undefined;
  if (!APPLIES[type].includes(rule.operator)) reject(`operator ${rule.operator} on ${type}`, rule.operator);
  if (rule.operator === 'isNull') return (v) => v === null;
  if (rule.operator === 'notNull') return (v) => v !== null;
  switch (type) {
    case 'string':
      return stringPredicate(rule, options);
    case 'number':
      return orderedPredicate(rule, numberOf, (v) => v as number | null);
    case 'boolean':
      return booleanPredicate(rule);
    case 'date':
      if (RELATIVE.includes(rule.operator)) return relativePredicate(rule, type, ctx);
      return orderedPredicate(rule, (v) => dayNumber(dayOf(v)), (v) => (v === null ? null : dayNumber(String(v))));
    case 'timestamp':
      if (RELATIVE.includes(rule.operator)) return relativePredicate(rule, type, ctx);
      return orderedPredicate(rule, (v) => instantOf(v, ctx.timezone), (v) => (v === null ? null : v instanceof Date ? v.getTime() : Number(v)));
    default:
      throw new Error(`unexpected type ${String(type)}`);
  }
};

/** Does a row whose field holds `value` pass the rule? A rule that restricts nothing passes every row. */
export const evaluateFilterRule = (
  rule: FilterRule,
  value: RowValue,
  type: DimensionType,
  ctx: FilterContext,
  options: ReferenceOptions = {},
): boolean => referencePredicate(rule, type, ctx, options)?.(value) ?? true;

/** A row's fields for group evaluation: field id → value, type and default case sensitivity. */
export type ReferenceRow = Record<string, { value: RowValue; type: DimensionType; caseSensitive?: boolean }>;

const groupVerdict = (group: FilterGroup, row: ReferenceRow, ctx: FilterContext, options: ReferenceOptions): boolean | undefined => {
  const isAnd = 'and' in group;
  const items: FilterGroupItem[] = isAnd ? group.and : group.or;
  const verdicts: boolean[] = [];
  for (const item of items) {
    let verdict: boolean | undefined;
    if ('and' in item || 'or' in item) verdict = groupVerdict(item, row, ctx, options);
    else if (!item.disabled) {
      const field = row[item.target.fieldId];
      if (!field) throw new Error(`no field ${item.target.fieldId} in the row`);
      const predicate = referencePredicate(item, field.type, ctx, { ...options, caseSensitive: field.caseSensitive ?? options.caseSensitive });
      verdict = predicate?.(field.value);
    }
    if (verdict !== undefined) verdicts.push(verdict);
  }
  if (verdicts.length === 0) return undefined;
  return isAnd ? verdicts.every(Boolean) : verdicts.some(Boolean);
};

/** Does the row pass the group? Rules that restrict nothing count as absent; an empty group passes. */
export const evaluateFilterGroup = (
  group: FilterGroup | undefined,
  row: ReferenceRow,
  ctx: FilterContext,
  options: ReferenceOptions = {},
): boolean => (group === undefined ? true : groupVerdict(group, row, ctx, options) ?? true);
