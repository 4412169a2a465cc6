import { TZDate } from '@date-fns/tz';
import type { FilterContext } from '@tessera/core';
import { addDays, addMonths, addQuarters, addWeeks, addYears, startOfDay, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from 'date-fns';
import type { ColumnKind, TestEngine } from './test-engines.js';

/**
 * Test rows for the filter execution tests: hostile strings, awkward numbers, and dates and
 * timestamps on and around the period boundaries of each context (computed with date-fns, apart
 * from the compiler's own calendar code).
 */
export const STRING_ROWS: (string | null)[] = [
  'apple',
  'Apple',
  'APPLE',
  'pineapple',
  'apple pie',
  '',
  ' ',
  'trailing ',
  'a b',
  '50% off',
  '50 off',
  '5_0',
  '5x0',
  '100%',
  "it's",
  "O'Brien''s",
  'back\\slash',
  'C:\\path\\%',
  '\\%',
  'tab\there',
  'new\nline',
  'a!b',
  '!%',
  '!!',
  '--comment',
  '/* block */',
  "x'; DROP TABLE t; --",
  'Café',
  'CAFÉ',
  'café',
  'naïve',
  'Straße',
  'STRASSE',
  'İstanbul',
  '東京タワー',
  '😀 smile',
  'SMILE 😀',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  null,
  null,
];

export const NUMBER_ROWS: (number | null)[] = [-1e15, -10, -1.5, -1e-7, 0, 1e-7, 0.1, 0.2, 0.30000000000000004, 0.3, 1, 2.5, 10, 100, 1e15, 123456.789, null, null];

export const BOOLEAN_ROWS: (boolean | null)[] = [true, false, null, true, false];

export interface NamedContext extends FilterContext {
  name: string;
}

/** Contexts around DST changes (and a leap day), in zones with and against a Monday week start. */
export const CONTEXTS: NamedContext[] = [
  { name: 'New York, spring forward day', now: new Date('2024-03-10T15:30:00.000Z'), timezone: 'America/New_York' },
  { name: 'New York, repeated hour', now: new Date('2024-11-03T06:30:00.000Z'), timezone: 'America/New_York', weekStart: 6 },
  { name: 'London, last BST hour', now: new Date('2024-10-27T00:30:00.000Z'), timezone: 'Europe/London' },
  { name: 'London, before spring forward', now: new Date('2024-03-31T00:45:10.250Z'), timezone: 'Europe/London', weekStart: 2 },
  { name: 'UTC, leap day end', now: new Date('2024-02-29T23:59:59.999Z'), timezone: 'UTC', weekStart: 6 },
  { name: 'Kolkata, half-hour zone', now: new Date('2024-12-31T20:15:00.000Z'), timezone: 'Asia/Kolkata' },
];

const CALENDAR = ['days', 'weeks', 'months', 'quarters', 'years'] as const;

const startOf = (date: TZDate, unit: (typeof CALENDAR)[number], weekStart: number): TZDate => {
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
  }
};

const shift = (date: TZDate, unit: (typeof CALENDAR)[number], n: number): TZDate =>
  ({ days: addDays, weeks: addWeeks, months: addMonths, quarters: addQuarters, years: addYears })[unit](date, n);

const SUB_DAY_MS = { milliseconds: 1, seconds: 1000, minutes: 60_000, hours: 3_600_000 };

/** Instants on, just before and just after every period boundary near each context's now. */
export const timestampRows = (contexts: readonly FilterContext[]): Date[] => {
  const instants = new Set<number>();
  const near = (t: number) => [t - 1, t, t + 1].forEach((x) => instants.add(x));
  for (const ctx of contexts) {
    const now = new TZDate(ctx.now.getTime(), ctx.timezone);
    for (const unit of CALENDAR) {
      const start = startOf(now, unit, ctx.weekStart ?? 0);
      for (let k = -4; k <= 4; k++) {
        near(shift(start, unit, k).getTime());
        near(shift(now, unit, k).getTime());
      }
    }
    for (const [unit, ms] of Object.entries(SUB_DAY_MS)) {
      const into =
        unit === 'hours' ? now.getMinutes() * 60_000 + now.getSeconds() * 1000 + now.getMilliseconds()
        : unit === 'minutes' ? now.getSeconds() * 1000 + now.getMilliseconds()
        : unit === 'seconds' ? now.getMilliseconds()
        : 0;
      for (let k = -4; k <= 4; k++) {
        near(now.getTime() - into + k * ms);
        near(now.getTime() + k * ms);
      }
    }
  }
  return [...instants].sort((a, b) => a - b).map((t) => new Date(t));
};

const dayText = (date: TZDate): string =>
  `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Days on and next to every period start near each context's today, and the fortnight around it. */
export const dateRows = (contexts: readonly FilterContext[]): string[] => {
  const days = new Set<string>();
  for (const ctx of contexts) {
    const today = startOfDay(new TZDate(ctx.now.getTime(), ctx.timezone));
    for (let k = -15; k <= 15; k++) days.add(dayText(addDays(today, k)));
    for (const unit of CALENDAR) {
      const start = startOf(today, unit, ctx.weekStart ?? 0);
      for (let k = -4; k <= 4; k++) {
        const boundary = shift(start, unit, k);
        days.add(dayText(boundary));
        days.add(dayText(addDays(boundary, -1)));
        days.add(dayText(shift(today, unit, k)));
      }
    }
  }
  return [...days].sort();
};

export type CellValue = string | number | boolean | Date | null;

const literalOf = (engine: TestEngine, kind: ColumnKind, value: CellValue): string => {
  if (value === null) return engine.dialect.literal({ type: 'null' });
  switch (kind) {
    case 'id':
    case 'number':
      return engine.dialect.literal({ type: 'number', value: value as number });
    case 'string':
      return engine.dialect.literal({ type: 'string', value: value as string });
    case 'boolean':
      return engine.dialect.literal({ type: 'boolean', value: value as boolean });
    case 'date':
      return engine.dialect.literal({ type: 'date', value: value as string });
    case 'timestamp':
      return engine.dialect.literal({ type: 'timestamp', value: value as Date });
  }
};

/** Creates `name(id, <columns>)` with rows `id = 1…n`. */
export const createTable = async (
  engine: TestEngine,
  name: string,
  columns: Record<string, ColumnKind>,
  rows: readonly Record<string, CellValue>[],
): Promise<void> => {
  const names = Object.keys(columns);
  const definitions = names.map((column) => `${column} ${engine.columnType[columns[column]!]}`);
  await engine.exec(`${engine.createTable} ${name} (id ${engine.columnType.id}, ${definitions.join(', ')})`);
  for (let start = 0; start < rows.length; start += 200) {
    const tuples = rows.slice(start, start + 200).map((row, i) => {
      const cells = names.map((column) => literalOf(engine, columns[column]!, row[column] ?? null));
      return `(${start + i + 1}, ${cells.join(', ')})`;
    });
    await engine.exec(`INSERT INTO ${name} (id, ${names.join(', ')}) VALUES ${tuples.join(', ')}`);
  }
};
