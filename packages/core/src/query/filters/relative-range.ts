import { ParameterError } from '../../errors/index.js';
import type { UnitOfTime } from '../../semantic/types/explore.js';
import { assertNever } from '../../semantic/util/assert-never.js';
import type { FilterContext } from './filter-types.js';
import { addDays, addMonths, civilOf, dayOfWeek, instantOf, type CivilDate, type CivilDateTime } from './zoned-time.js';

/**
 * The instants a relative date rule covers: `[from, to]` when `toInclusive`, else `[from, to)`.
 * Sub-day units move by fixed durations; days and longer move by the calendar in the context's
 * zone (a "day" across a DST change is 23 or 25 hours), and periods start at local midnight.
 */
export interface InstantRange {
  from: number;
  to: number;
  toInclusive: boolean;
}

export type RelativeOperator = 'inThePast' | 'inTheNext' | 'inTheCurrent';

const UNIT_MS: Partial<Record<UnitOfTime, number>> = {
  milliseconds: 1,
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
};

/** Months per calendar unit; days and weeks are counted in days. */
const shiftCivil = (date: CivilDate, unit: UnitOfTime, amount: number): CivilDate => {
  switch (unit) {
    case 'days':
      return addDays(date, amount);
    case 'weeks':
      return addDays(date, amount * 7);
    case 'months':
      return addMonths(date, amount);
    case 'quarters':
      return addMonths(date, amount * 3);
    case 'years':
      return addMonths(date, amount * 12);
    default:
      throw new Error(`${unit} is not a calendar unit`);
  }
};

const startOfPeriod = (now: CivilDate, unit: UnitOfTime, weekStart: number): CivilDate => {
  const today: CivilDate = { year: now.year, month: now.month, day: now.day };
  switch (unit) {
    case 'days':
      return today;
    case 'weeks':
      return addDays(today, -((dayOfWeek(today) - weekStart + 7) % 7));
    case 'months':
      return { ...today, day: 1 };
    case 'quarters':
      return { year: today.year, month: today.month - ((today.month - 1) % 3), day: 1 };
    case 'years':
      return { year: today.year, month: 1, day: 1 };
    default:
      throw new Error(`${unit} is not a calendar unit`);
  }
};

/** Milliseconds since the start of the current sub-day period, read on the wall clock (so hours follow half-hour zones). */
const elapsedInPeriod = (civil: CivilDateTime, unit: UnitOfTime): number => {
  switch (unit) {
    case 'hours':
      return civil.minute * 60_000 + civil.second * 1_000 + civil.millisecond;
    case 'minutes':
      return civil.second * 1_000 + civil.millisecond;
    case 'seconds':
      return civil.millisecond;
    default:
      return 0;
  }
};

const subDayRange = (operator: RelativeOperator, unitMs: number, unit: UnitOfTime, amount: number, completed: boolean, ctx: FilterContext): InstantRange => {
  const now = ctx.now.getTime();
  const start = now - elapsedInPeriod(civilOf(now, ctx.timezone), unit);
  switch (operator) {
    case 'inTheCurrent':
      return { from: start, to: start + unitMs, toInclusive: false };
    case 'inThePast':
      return completed ? { from: start - amount * unitMs, to: start, toInclusive: false } : { from: now - amount * unitMs, to: now, toInclusive: true };
    case 'inTheNext':
      return completed
        ? { from: start + unitMs, to: start + (amount + 1) * unitMs, toInclusive: false }
        : { from: now, to: now + amount * unitMs, toInclusive: true };
    default:
      return assertNever(operator);
  }
};

const calendarRange = (operator: RelativeOperator, unit: UnitOfTime, amount: number, completed: boolean, ctx: FilterContext): InstantRange => {
  const now = ctx.now.getTime();
  const civilNow = civilOf(now, ctx.timezone);
  const at = (date: CivilDate, time?: CivilDateTime): number =>
    instantOf(time ? { ...time, year: date.year, month: date.month, day: date.day } : date, ctx.timezone);
  /** Now moved by whole units, same wall time; zero units is now itself (in a repeated hour, its wall time names two instants). */
  const nowShifted = (amount: number): number => (amount === 0 ? now : at(shiftCivil(civilNow, unit, amount), civilNow));
  const start = startOfPeriod(civilNow, unit, ctx.weekStart ?? 0);
  switch (operator) {
    case 'inTheCurrent':
      return { from: at(start), to: at(shiftCivil(start, unit, 1)), toInclusive: false };
    case 'inThePast':
      return completed
        ? { from: at(shiftCivil(start, unit, -amount)), to: at(start), toInclusive: false }
        : { from: nowShifted(-amount), to: now, toInclusive: true };
    case 'inTheNext':
      return completed
        ? { from: at(shiftCivil(start, unit, 1)), to: at(shiftCivil(start, unit, amount + 1)), toInclusive: false }
        : { from: now, to: nowShifted(amount), toInclusive: true };
    default:
      return assertNever(operator);
  }
};

/** Dates the engines hold: 0001-01-01 … 9999-12-31 (UTC); anything outside cannot be a literal. */
const MIN = new Date(0).setUTCFullYear(1, 0, 1);
const MAX = new Date(0).setUTCFullYear(10000, 0, 1) - 1;
/** An upper bound of each unit's length, to keep the arithmetic far inside Date's ±275,000 years. */
const LONGEST_MS: Record<UnitOfTime, number> = {
  milliseconds: 1,
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 90_000_000,
  weeks: 7 * 90_000_000,
  months: 31 * 90_000_000,
  quarters: 92 * 90_000_000,
  years: 366 * 90_000_000,
};
/** ~31,000 years: longer than any range that could stay inside 0001–9999. */
const LONGEST_SPAN_MS = 1e15;

export const relativeRange = (
  operator: RelativeOperator,
  unit: UnitOfTime,
  amount: number,
  completed: boolean,
  ctx: FilterContext,
): InstantRange => {
  const outside = () =>
    new ParameterError(`The relative date range (${amount} ${unit}) reaches outside the years 0001–9999: use a smaller amount`, {
      amount,
      unitOfTime: unit,
    });
  const { weekStart } = ctx;
  if (weekStart !== undefined && !(Number.isInteger(weekStart) && weekStart >= 0 && weekStart <= 6)) {
    throw new ParameterError(`weekStart must be a whole number from 0 (Monday) to 6 (Sunday), got ${String(weekStart)}`, { weekStart });
  }
  if ((amount + 1) * LONGEST_MS[unit] > LONGEST_SPAN_MS) throw outside();
  const unitMs = UNIT_MS[unit];
  const range = unitMs === undefined ? calendarRange(operator, unit, amount, completed, ctx) : subDayRange(operator, unitMs, unit, amount, completed, ctx);
  if (!(range.from >= MIN && range.to <= MAX)) throw outside();
  return range;
};
