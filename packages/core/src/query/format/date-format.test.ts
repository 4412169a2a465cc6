import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../errors/index.js';
import type { TimeFrame } from '../../semantic/types/explore.js';
import { createDateFormatter, createTimestampFormatter, offsetText } from './date-format.js';
import { parseIsoMs } from './instant.js';

describe('createDateFormatter', () => {
  it.each<[TimeFrame | undefined, unknown, string]>([
    [undefined, '2024-03-15', '2024-03-15'],
    ['DAY', '2024-03-15', '2024-03-15'],
    ['WEEK', '2024-03-11', '2024-03-11'],
    ['MONTH', '2024-03-15', '2024-03'],
    ['QUARTER', '2024-03-31', '2024-Q1'],
    ['QUARTER', '2024-04-01', '2024-Q2'],
    ['QUARTER', '2024-12-31', '2024-Q4'],
    ['YEAR', '2024-12-31', '2024'],
    ['YEAR', '2025-01-01', '2025'],
    // A Date is a calendar value read in UTC: midnight on New Year's day stays in that year.
    ['DAY', new Date('2024-01-01T00:00:00Z'), '2024-01-01'],
    ['YEAR', new Date('2024-01-01T00:00:00Z'), '2024'],
    ['YEAR', new Date('2023-12-31T23:59:59.999Z'), '2023'],
    ['QUARTER', new Date('2023-10-01T00:00:00Z'), '2023-Q4'],
    ['MONTH', new Date('2024-02-29T12:00:00Z'), '2024-02'],
    ['DAY', '2024-03-15 00:00:00', '2024-03-15'],
    ['DAY', '2024-03-15T23:30:00-02:00', '2024-03-16'],
    ['DAY', Date.UTC(2024, 0, 2), '2024-01-02'],
    ['DAY', new Date('0099-06-01T00:00:00Z'), '0099-06-01'],
    ['DAY', 'not a date', 'not a date'],
    ['DAY', new Date(Number.NaN), 'NaT'],
    ['DAY', true, 'true'],
  ])('%s: %j → %s', (interval, raw, expected) => {
    expect(createDateFormatter(interval)(raw)).toBe(expected);
  });
});

describe('createTimestampFormatter', () => {
  const at = new Date('2024-03-15T09:05:07.089Z');
  it.each<[TimeFrame | undefined, unknown, string]>([
    [undefined, at, '2024-03-15, 09:05:07:089 (+00:00)'],
    ['RAW', at, '2024-03-15, 09:05:07:089 (+00:00)'],
    ['MILLISECOND', at, '2024-03-15, 09:05:07:089 (+00:00)'],
    ['SECOND', at, '2024-03-15, 09:05:07 (+00:00)'],
    ['MINUTE', at, '2024-03-15, 09:05 (+00:00)'],
    ['HOUR', at, '2024-03-15, 09 (+00:00)'],
    [undefined, new Date('2023-12-31T23:59:59.999Z'), '2023-12-31, 23:59:59:999 (+00:00)'],
    [undefined, '2024-03-15 09:05:07.089123', '2024-03-15, 09:05:07:089 (+00:00)'],
    [undefined, '2024-03-15T09:05:07+02:00', '2024-03-15, 07:05:07:000 (+00:00)'],
    [undefined, '2024-03-15', '2024-03-15, 00:00:00:000 (+00:00)'],
    [undefined, 0, '1970-01-01, 00:00:00:000 (+00:00)'],
    [undefined, new Date(Number.NaN), 'NaT'],
    [undefined, 'yesterday', 'yesterday'],
  ])('%s: %j → %s', (interval, raw, expected) => {
    expect(createTimestampFormatter(interval)(raw)).toBe(expected);
  });

  it.each<[string, TimeFrame | undefined, string, string]>([
    // New York: EST (-05:00) in winter, EDT (-04:00) after 2024-03-10 07:00 UTC.
    ['America/New_York', undefined, '2024-03-10T06:59:59.999Z', '2024-03-10, 01:59:59:999 (-05:00)'],
    ['America/New_York', undefined, '2024-03-10T07:00:00.000Z', '2024-03-10, 03:00:00:000 (-04:00)'],
    ['America/New_York', 'MINUTE', '2024-01-01T03:30:00Z', '2023-12-31, 22:30 (-05:00)'],
    ['Europe/Paris', 'HOUR', '2023-12-31T23:00:00Z', '2024-01-01, 00 (+01:00)'],
    ['Europe/Paris', 'SECOND', '2024-07-01T12:00:00Z', '2024-07-01, 14:00:00 (+02:00)'],
    ['Asia/Kolkata', 'MINUTE', '2024-07-01T12:00:00Z', '2024-07-01, 17:30 (+05:30)'],
    ['Australia/Lord_Howe', 'MINUTE', '2024-01-01T00:00:00Z', '2024-01-01, 11:00 (+11:00)'],
    ['Australia/Lord_Howe', 'MINUTE', '2024-07-01T00:00:00Z', '2024-07-01, 10:30 (+10:30)'],
    ['Etc/UTC', 'MINUTE', '2024-07-01T12:00:00Z', '2024-07-01, 12:00 (+00:00)'],
  ])('in %s (%s): %s → %s', (zone, interval, iso, expected) => {
    expect(createTimestampFormatter(interval, zone)(new Date(iso))).toBe(expected);
  });

  it('reads every instant of a DST change correctly, minute by minute', () => {
    const format = createTimestampFormatter('MINUTE', 'Europe/Paris');
    const start = Date.UTC(2024, 9, 27, 0, 0); // 2024-10-27 03:00 CEST → 02:00 CET at 01:00 UTC
    const seen = Array.from({ length: 121 }, (_, i) => format(new Date(start + i * 60_000)));
    expect(seen[0]).toBe('2024-10-27, 02:00 (+02:00)');
    expect(seen[59]).toBe('2024-10-27, 02:59 (+02:00)');
    expect(seen[60]).toBe('2024-10-27, 02:00 (+01:00)');
    expect(seen[120]).toBe('2024-10-27, 03:00 (+01:00)');
  });

  it('gives, value after value, the text of a Date-per-value reference (days kept between rows are never stale)', () => {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    const zoneOffsetMs = (zone: string, ms: number) => {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' }).formatToParts(new Date(ms));
      const get = (type: string) => Number(parts.find((x) => x.type === type)!.value);
      const year = parts.find((x) => x.type === 'era')!.value === 'BC' ? 1 - get('year') : get('year');
      const wall = new Date(0);
      wall.setUTCFullYear(year, get('month') - 1, get('day'));
      wall.setUTCHours(get('hour'), get('minute'), get('second'), 0);
      return wall.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
    };
    const reference = (ms: number, zone: string | undefined) => {
      const offset = zone ? zoneOffsetMs(zone, ms) : 0;
      const t = new Date(ms + offset);
      const y = t.getUTCFullYear();
      const minutes = Math.trunc(Math.abs(offset) / 60_000);
      return (
        `${y >= 0 && y < 10_000 ? p(y, 4) : String(y)}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}, ` +
        `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}:${p(t.getUTCMilliseconds(), 3)} ` +
        `(${offset < 0 ? '-' : '+'}${p(Math.floor(minutes / 60))}:${p(minutes % 60)})`
      );
    };
    for (const zone of [undefined, 'America/New_York', 'Australia/Lord_Howe']) {
      const format = createTimestampFormatter(undefined, zone);
      // Irregular steps over four centuries, then a dense run over a DST change (rows sharing days).
      const instants: number[] = [];
      for (let ms = Date.UTC(1850, 0, 1); ms < Date.UTC(2250, 0, 1); ms += 7_777_777_777 + 123) instants.push(ms);
      for (let ms = Date.UTC(2024, 2, 9); ms < Date.UTC(2024, 2, 12); ms += 977_777) instants.push(ms);
      instants.push(-1, -999, -86_400_001, Date.UTC(-50, 5, 1, 12), Date.UTC(12_000, 0, 1));
      for (const ms of instants) expect(format(new Date(ms)), `${new Date(ms).toISOString()} in ${zone ?? 'UTC'}`).toBe(reference(ms, zone));
    }
  });

  it('never throws for numbers beyond the instants a Date holds, in any zone', () => {
    for (const zone of [undefined, 'Europe/Paris']) {
      for (const raw of [1e20, -1e20, 8.64e15 + 1, Number.MAX_VALUE]) expect(() => createTimestampFormatter(undefined, zone)(raw)).not.toThrow();
    }
  });

  it('rejects an unknown zone with a ParameterError naming it', () => {
    expect(() => createTimestampFormatter(undefined, 'Mars/Olympus')).toThrow(ParameterError);
    expect(() => createTimestampFormatter(undefined, 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});

describe('parseIsoMs', () => {
  it.each<[string, number | undefined]>([
    ['2024-01-02', Date.UTC(2024, 0, 2)],
    ['2024-01-02T03:04:05Z', Date.UTC(2024, 0, 2, 3, 4, 5)],
    ['2024-01-02 03:04:05.6', Date.UTC(2024, 0, 2, 3, 4, 5, 600)],
    ['2024-01-02T03:04:05+0530', Date.UTC(2024, 0, 1, 21, 34, 5)],
    ['2024-01-02T03:04-01', Date.UTC(2024, 0, 2, 4, 4)],
    ['2024-13-02', undefined],
    ['2024-01-02T25:00', undefined],
    ['02/01/2024', undefined],
  ])('%s', (text, expected) => {
    expect(parseIsoMs(text)).toBe(expected);
  });
});

describe('offsetText', () => {
  it.each([
    [0, '+00:00'],
    [5.5 * 3_600_000, '+05:30'],
    [-4 * 3_600_000, '-04:00'],
    [-30 * 60_000, '-00:30'],
  ])('%d ms → %s', (ms, expected) => {
    expect(offsetText(ms)).toBe(expected);
  });
});
