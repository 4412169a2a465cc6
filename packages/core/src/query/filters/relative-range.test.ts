import type { UnitOfTime } from '../../semantic/types/explore.js';
import { describe, expect, it } from 'vitest';
import type { FilterContext } from './filter-types.js';
import { relativeRange, type RelativeOperator } from './relative-range.js';

/** `[from, to]` or `[from, to)` as ISO text, to read the expectations at a glance. */
const range = (operator: RelativeOperator, unit: UnitOfTime, amount: number, completed: boolean, ctx: FilterContext): string => {
  const r = relativeRange(operator, unit, amount, completed, ctx);
  return `[${new Date(r.from).toISOString()}, ${new Date(r.to).toISOString()}${r.toInclusive ? ']' : ')'}`;
};

describe('relative ranges around New York DST changes', () => {
  // Sunday 10 March 2024, 11:30 EDT — clocks went from 02:00 EST to 03:00 EDT this morning.
  const springDay: FilterContext = { now: new Date('2024-03-10T15:30:00.000Z'), timezone: 'America/New_York' };
  // Sunday 3 November 2024, 01:30 EST — the second 01:30 of the night.
  const repeatedHour: FilterContext = { now: new Date('2024-11-03T06:30:00.000Z'), timezone: 'America/New_York' };

  it('the current day is 23 hours on a spring-forward day and 25 hours on a fall-back day', () => {
    expect(range('inTheCurrent', 'days', 1, false, springDay)).toBe('[2024-03-10T05:00:00.000Z, 2024-03-11T04:00:00.000Z)');
    expect(range('inTheCurrent', 'days', 1, false, repeatedHour)).toBe('[2024-11-03T04:00:00.000Z, 2024-11-04T05:00:00.000Z)');
  });

  it('the current hour in the repeated hour is the one that holds now', () => {
    expect(range('inTheCurrent', 'hours', 1, false, repeatedHour)).toBe('[2024-11-03T06:00:00.000Z, 2024-11-03T07:00:00.000Z)');
    expect(range('inThePast', 'hours', 2, true, repeatedHour)).toBe('[2024-11-03T04:00:00.000Z, 2024-11-03T06:00:00.000Z)');
  });

  it('days back keep the wall time; zero units is exactly now', () => {
    expect(range('inThePast', 'days', 1, false, springDay)).toBe('[2024-03-09T16:30:00.000Z, 2024-03-10T15:30:00.000Z]');
    expect(range('inThePast', 'days', 0, false, repeatedHour)).toBe('[2024-11-03T06:30:00.000Z, 2024-11-03T06:30:00.000Z]');
    expect(range('inTheNext', 'days', 1, false, repeatedHour)).toBe('[2024-11-03T06:30:00.000Z, 2024-11-04T06:30:00.000Z]');
  });

  it('completed periods end where the current one starts', () => {
    expect(range('inThePast', 'days', 2, true, springDay)).toBe('[2024-03-08T05:00:00.000Z, 2024-03-10T05:00:00.000Z)');
    expect(range('inTheNext', 'days', 1, true, springDay)).toBe('[2024-03-11T04:00:00.000Z, 2024-03-12T04:00:00.000Z)');
    expect(range('inThePast', 'months', 1, true, springDay)).toBe('[2024-02-01T05:00:00.000Z, 2024-03-01T05:00:00.000Z)');
    expect(range('inTheNext', 'quarters', 1, true, springDay)).toBe('[2024-04-01T04:00:00.000Z, 2024-07-01T04:00:00.000Z)');
    expect(range('inThePast', 'years', 1, true, springDay)).toBe('[2023-01-01T05:00:00.000Z, 2024-01-01T05:00:00.000Z)');
  });

  it('weeks start on Monday by default, on the context week start otherwise', () => {
    expect(range('inTheCurrent', 'weeks', 1, false, springDay)).toBe('[2024-03-04T05:00:00.000Z, 2024-03-11T04:00:00.000Z)');
    expect(range('inTheCurrent', 'weeks', 1, false, { ...springDay, weekStart: 6 })).toBe('[2024-03-10T05:00:00.000Z, 2024-03-17T04:00:00.000Z)');
    expect(range('inTheCurrent', 'weeks', 1, false, { ...springDay, weekStart: 2 })).toBe('[2024-03-06T05:00:00.000Z, 2024-03-13T04:00:00.000Z)');
  });
});

describe('relative ranges around London DST changes', () => {
  // Sunday 31 March 2024, 00:45 GMT; at 01:00 GMT the clocks go to 02:00 BST.
  const beforeSpring: FilterContext = { now: new Date('2024-03-31T00:45:10.250Z'), timezone: 'Europe/London' };
  // Sunday 27 October 2024, 01:30 BST; at 02:00 BST the clocks go back to 01:00 GMT.
  const lastSummerHour: FilterContext = { now: new Date('2024-10-27T00:30:00.000Z'), timezone: 'Europe/London' };

  it('days and hours', () => {
    expect(range('inTheCurrent', 'days', 1, false, beforeSpring)).toBe('[2024-03-31T00:00:00.000Z, 2024-03-31T23:00:00.000Z)');
    expect(range('inTheNext', 'hours', 1, true, beforeSpring)).toBe('[2024-03-31T01:00:00.000Z, 2024-03-31T02:00:00.000Z)');
    expect(range('inTheCurrent', 'days', 1, false, lastSummerHour)).toBe('[2024-10-26T23:00:00.000Z, 2024-10-28T00:00:00.000Z)');
    expect(range('inTheNext', 'hours', 2, true, lastSummerHour)).toBe('[2024-10-27T01:00:00.000Z, 2024-10-27T03:00:00.000Z)');
  });

  it('sub-second units', () => {
    expect(range('inTheCurrent', 'seconds', 1, false, beforeSpring)).toBe('[2024-03-31T00:45:10.000Z, 2024-03-31T00:45:11.000Z)');
    expect(range('inThePast', 'milliseconds', 250, false, beforeSpring)).toBe('[2024-03-31T00:45:10.000Z, 2024-03-31T00:45:10.250Z]');
    expect(range('inTheCurrent', 'minutes', 1, false, beforeSpring)).toBe('[2024-03-31T00:45:00.000Z, 2024-03-31T00:46:00.000Z)');
  });

  it('calendar months clamp to the shorter month', () => {
    const endOfMarch: FilterContext = { now: new Date('2024-03-31T12:00:00.000Z'), timezone: 'Europe/London' };
    expect(range('inThePast', 'months', 1, false, endOfMarch)).toBe('[2024-02-29T13:00:00.000Z, 2024-03-31T12:00:00.000Z]'); // 13:00 BST → 13:00 GMT
  });
});

describe('relative ranges in a half-hour zone', () => {
  it('hours start at the half hour of UTC', () => {
    const kolkata: FilterContext = { now: new Date('2024-12-31T20:15:00.000Z'), timezone: 'Asia/Kolkata' };
    expect(range('inTheCurrent', 'hours', 1, false, kolkata)).toBe('[2024-12-31T19:30:00.000Z, 2024-12-31T20:30:00.000Z)');
    expect(range('inTheCurrent', 'years', 1, false, kolkata)).toBe('[2024-12-31T18:30:00.000Z, 2025-12-31T18:30:00.000Z)');
  });
});
