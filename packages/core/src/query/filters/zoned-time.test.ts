import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../errors/index.js';
import { addMonths, assertTimeZone, civilOf, dayOfWeek, formatCivilDate, instantOf } from './zoned-time.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned time', () => {
  it('reads the wall clock of an instant, DST included', () => {
    expect(civilOf(Date.parse('2024-07-01T12:34:56.789Z'), 'Europe/London')).toEqual({
      year: 2024, month: 7, day: 1, hour: 13, minute: 34, second: 56, millisecond: 789,
    });
    expect(civilOf(Date.parse('2024-01-01T04:59:59.999Z'), 'America/New_York')).toMatchObject({ year: 2023, month: 12, day: 31, hour: 23 });
    expect(civilOf(Date.parse('2024-01-01T00:00:00Z'), 'Asia/Kolkata')).toMatchObject({ hour: 5, minute: 30 });
  });

  it('finds the instant of a wall time; skipped times move forward, repeated ones take the earlier instant', () => {
    const ny = (y: number, mo: number, d: number, h: number, mi = 0) => iso(instantOf({ year: y, month: mo, day: d, hour: h, minute: mi }, 'America/New_York'));
    expect(ny(2024, 3, 10, 1, 59)).toBe('2024-03-10T06:59:00.000Z');
    expect(ny(2024, 3, 10, 2, 30)).toBe('2024-03-10T07:30:00.000Z'); // 02:30 EST does not exist → 03:30 EDT
    expect(ny(2024, 3, 10, 3, 0)).toBe('2024-03-10T07:00:00.000Z');
    expect(ny(2024, 11, 3, 1, 30)).toBe('2024-11-03T05:30:00.000Z'); // first 01:30 (EDT)
    expect(ny(2024, 11, 3, 2, 0)).toBe('2024-11-03T07:00:00.000Z');
    const london = (y: number, mo: number, d: number, h: number, mi = 0) => iso(instantOf({ year: y, month: mo, day: d, hour: h, minute: mi }, 'Europe/London'));
    expect(london(2024, 3, 31, 1, 15)).toBe('2024-03-31T01:15:00.000Z'); // skipped → 02:15 BST
    expect(london(2024, 10, 27, 1, 15)).toBe('2024-10-27T00:15:00.000Z'); // first 01:15 (BST)
    // Midnight skipped (Santiago springs forward at 24:00): the day starts at 01:00.
    expect(iso(instantOf({ year: 2024, month: 9, day: 8 }, 'America/Santiago'))).toBe('2024-09-08T04:00:00.000Z');
  });

  it('round-trips wall times in years 1 and 9999', () => {
    const first = instantOf({ year: 1, month: 1, day: 1 }, 'UTC');
    expect(iso(first)).toBe('0001-01-01T00:00:00.000Z');
    expect(civilOf(first, 'UTC')).toMatchObject({ year: 1, month: 1, day: 1 });
    expect(civilOf(instantOf({ year: 9999, month: 12, day: 31, hour: 23 }, 'Asia/Tokyo'), 'Asia/Tokyo')).toMatchObject({ year: 9999, hour: 23 });
  });

  it('calendar helpers', () => {
    expect(addMonths({ year: 2024, month: 3, day: 31 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addMonths({ year: 2024, month: 1, day: 31 }, 13)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(addMonths({ year: 2024, month: 1, day: 15 }, -25)).toEqual({ year: 2021, month: 12, day: 15 });
    expect(dayOfWeek({ year: 2024, month: 3, day: 11 })).toBe(0); // a Monday
    expect(dayOfWeek({ year: 2024, month: 3, day: 10 })).toBe(6);
    expect(formatCivilDate({ year: 12, month: 3, day: 4 })).toBe('0012-03-04');
    expect(() => formatCivilDate({ year: 0, month: 12, day: 31 })).toThrow(ParameterError);
  });

  it('refuses unknown zones with a ParameterError', () => {
    expect(() => assertTimeZone('Europe/Atlantis')).toThrow(ParameterError);
    expect(() => assertTimeZone('Europe/Paris')).not.toThrow();
  });
});
