import {
  compileFilterGroup,
  type ConditionalOperator,
  type DimensionType,
  type FilterContext,
  type FilterGroup,
  type FilterGroupItem,
  type FilterRule,
  type FilterTarget,
  type UnitOfTime,
} from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateFilterGroup, type ReferenceRow, type RowValue } from '../../../core/src/query/filters/testing/reference.js';
import { checkRules, describeMismatches, type RuleCase } from './filter-check.js';
import { BOOLEAN_ROWS, CONTEXTS, createTable, dateRows, NUMBER_ROWS, STRING_ROWS, timestampRows } from './filter-rows.js';
import { prng, type Prng } from './prng.js';
import { availableEngines, engineUpper, matchingIds, type TestEngine } from './test-engines.js';

/**
 * Every operator × field type, run as `SELECT id … WHERE <filter>` on the real engines and compared
 * with the reference evaluator: the rows kept must be exactly the rows the reference keeps.
 */
let nextId = 0;
const rule = (operator: ConditionalOperator, values?: unknown[], extra: Partial<FilterRule> = {}): FilterRule => ({
  id: `r${nextId++}`,
  target: { fieldId: 'f' },
  operator,
  ...(values ? { values } : {}),
  ...extra,
});

const CTX: FilterContext = CONTEXTS[0]!;
const UNITS: UnitOfTime[] = ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years'];

const STRING_VALUE_SETS: unknown[][] = [
  [],
  ['apple'],
  ['Apple', 'café'],
  ['APPLE'],
  [''],
  ['', 'pie'],
  [' '],
  ['%'],
  ['_'],
  ['50% off'],
  ['5_0'],
  ['0%'],
  ["'"],
  ["O'Brien''s"],
  ['\\'],
  ['\\%'],
  ['!'],
  ['!%'],
  ['--'],
  ['/*'],
  ["x'; DROP TABLE t; --"],
  ['\t'],
  ['\n'],
  ['CAFÉ'],
  ['é'],
  ['ß'],
  ['straße'],
  ['i̇stanbul'],
  ['東京'],
  ['😀'],
  ['smile 😀'],
  ['𝔘𝔫'],
  ['trailing'],
  [5],
  [true],
];

const stringCases = (): RuleCase[] =>
  (['isNull', 'notNull', 'equals', 'notEquals', 'startsWith', 'endsWith', 'include', 'doesNotInclude'] as const).flatMap((operator) =>
    STRING_VALUE_SETS.flatMap((values) =>
      [true, false].flatMap((caseSensitive) => [
        { rule: rule(operator, values), type: 'string' as const, ctx: CTX, caseSensitive },
        // The rule's own flag overrides the field's.
        { rule: rule(operator, values, { caseSensitive: !caseSensitive }), type: 'string' as const, ctx: CTX, caseSensitive },
      ]),
    ),
  );

const NUMBER_VALUE_SETS: unknown[][] = [[], [0], [1, 2.5], ['-1.5'], [0.1], [0.3], [0.30000000000000004], [1e15], [-1e15], [-1e-7], ['10'], [' 100 '], ['1e2'], [-0], [123456.789]];

const numberCases = (): RuleCase[] => [
  ...(['isNull', 'notNull', 'equals', 'notEquals', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual'] as const).flatMap((operator) =>
    NUMBER_VALUE_SETS.map((values) => ({ rule: rule(operator, values), type: 'number' as const, ctx: CTX, caseSensitive: true })),
  ),
  ...[[], [-2, 1], [1, -2], ['0', '10'], [0.1, 0.3], [-1e15, 1e15], [1, 1]].map((values) => ({
    rule: rule('inBetween', values),
    type: 'number' as const,
    ctx: CTX,
    caseSensitive: true,
  })),
];

const booleanCases = (): RuleCase[] =>
  (['isNull', 'notNull', 'equals', 'notEquals'] as const).flatMap((operator) =>
    [[], [true], [false], ['true'], ['no'], [true, false], [1]].map((values) => ({
      rule: rule(operator, values),
      type: 'boolean' as const,
      ctx: CTX,
      caseSensitive: true,
    })),
  );

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Comparisons with values taken from the rows (and written in every accepted form). */
const absoluteDateCases = (type: 'date' | 'timestamp', days: string[], instants: Date[]): RuleCase[] => {
  const random = prng(7);
  const values: unknown[] =
    type === 'date'
      ? [...Array.from({ length: 12 }, () => random.pick(days)), `${random.pick(days)}T00:00:00.000Z`, `${random.pick(days)} 00:00`]
      : [
          ...Array.from({ length: 6 }, () => random.pick(instants).toISOString()),
          ...Array.from({ length: 3 }, () => random.pick(instants).toISOString().replace('Z', '')), // read in the query zone
          ...Array.from({ length: 3 }, () => isoDay(random.pick(instants))), // midnight in the query zone
          '2024-03-10T03:30:00-04:00',
          '2024-03-10 02:30', // skipped by New York's spring forward
          '2024-03-10T15:30:00.000999+0000',
        ];
  const ctxs = type === 'date' ? [CTX] : CONTEXTS;
  return ctxs.flatMap((ctx) => [
    ...(['isNull', 'notNull'] as const).map((operator) => ({ rule: rule(operator), type, ctx, caseSensitive: true })),
    ...(['equals', 'notEquals', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual'] as const).flatMap((operator) => [
      { rule: rule(operator, []), type, ctx, caseSensitive: true },
      ...values.map((value) => ({ rule: rule(operator, [value]), type, ctx, caseSensitive: true })),
    ]),
    { rule: rule('equals', values.slice(0, 4)), type, ctx, caseSensitive: true },
    { rule: rule('notEquals', values.slice(0, 4)), type, ctx, caseSensitive: true },
    ...Array.from({ length: 10 }, () => ({ rule: rule('inBetween', [random.pick(values), random.pick(values)]), type, ctx, caseSensitive: true })),
  ]);
};

const relativeCases = (type: 'date' | 'timestamp'): RuleCase[] =>
  CONTEXTS.flatMap((ctx) =>
    UNITS.flatMap((unitOfTime) => [
      ...(['inTheCurrent', 'notInTheCurrent'] as const).map((operator) => ({
        rule: rule(operator, [], { settings: { unitOfTime, completed: false } }),
        type,
        ctx,
        caseSensitive: true,
      })),
      ...(['inThePast', 'notInThePast', 'inTheNext'] as const).flatMap((operator) =>
        [false, true].flatMap((completed) =>
          [0, 1, 2, 3].map((amount) => ({
            rule: rule(operator, [amount], { settings: { unitOfTime, completed } }),
            type,
            ctx,
            caseSensitive: true,
          })),
        ),
      ),
    ]),
  );

// ---- groups -------------------------------------------------------------------------------------

const MIXED_FIELDS: Record<string, FilterTarget> = {
  s: { sql: 's', type: 'string', caseSensitive: true, fieldId: 's' },
  s_ci: { sql: 's', type: 'string', caseSensitive: false, fieldId: 's_ci' },
  n: { sql: 'n', type: 'number', caseSensitive: true, fieldId: 'n' },
  d: { sql: 'd', type: 'date', caseSensitive: true, fieldId: 'd' },
  ts: { sql: 'ts', type: 'timestamp', caseSensitive: true, fieldId: 'ts' },
  b: { sql: 'b', type: 'boolean', caseSensitive: true, fieldId: 'b' },
};

const randomRule = (random: Prng): FilterRule => {
  const fieldId = random.pick(Object.keys(MIXED_FIELDS));
  const field = MIXED_FIELDS[fieldId]!;
  const target = { fieldId };
  const disabled = random.chance(0.1);
  const pickCase = (cases: RuleCase[]) => random.pick(cases.filter((c) => c.rule.operator !== 'isNull' || random.chance(0.3)));
  const base =
    field.type === 'string' ? pickCase(stringCases())
    : field.type === 'number' ? pickCase(numberCases())
    : field.type === 'boolean' ? pickCase(booleanCases())
    : pickCase(relativeCases(field.type).filter((c) => c.ctx === CTX));
  return { ...base.rule, id: `g${nextId++}`, target, ...(disabled ? { disabled: true } : {}) };
};

const randomGroup = (random: Prng, depth: number): FilterGroup => {
  const items: FilterGroupItem[] = Array.from({ length: random.int(0, 4) }, () =>
    depth > 0 && random.chance(0.3) ? randomGroup(random, depth - 1) : randomRule(random),
  );
  return random.chance(0.5) ? { id: `g${nextId++}`, and: items } : { id: `g${nextId++}`, or: items };
};

// ---- the suites ---------------------------------------------------------------------------------

const timestamps = timestampRows(CONTEXTS);
const days = dateRows(CONTEXTS);
const withNulls = <T>(values: T[]): (T | null)[] => [...values, null];

for (const { name, open } of availableEngines()) {
  describe(`filters on ${name}`, () => {
    let engine: TestEngine;
    const stringValues: RowValue[] = STRING_ROWS;
    const dateValues: RowValue[] = withNulls(days);
    const timestampValues: RowValue[] = withNulls(timestamps);
    const mixedRows = Array.from({ length: 60 }, (_, i) => ({
      s: STRING_ROWS[i % STRING_ROWS.length] ?? null,
      n: NUMBER_ROWS[i % NUMBER_ROWS.length] ?? null,
      d: i % 7 === 6 ? null : days[(i * 37) % days.length]!,
      ts: i % 9 === 8 ? null : timestamps[(i * 53) % timestamps.length]!,
      b: BOOLEAN_ROWS[i % BOOLEAN_ROWS.length] ?? null,
    }));
    let upper: (text: string) => string;

    beforeAll(async () => {
      engine = await open();
      await createTable(engine, 'fx_strings', { v: 'string' }, STRING_ROWS.map((v) => ({ v })));
      await createTable(engine, 'fx_numbers', { v: 'number' }, NUMBER_ROWS.map((v) => ({ v })));
      await createTable(engine, 'fx_booleans', { v: 'boolean' }, BOOLEAN_ROWS.map((v) => ({ v })));
      await createTable(engine, 'fx_dates', { v: 'date' }, dateValues.map((v) => ({ v: v as string | null })));
      await createTable(engine, 'fx_timestamps', { v: 'timestamp' }, timestampValues.map((v) => ({ v: v as Date | null })));
      await createTable(engine, 'fx_mixed', { s: 'string', n: 'number', d: 'date', ts: 'timestamp', b: 'boolean' }, mixedRows);
      const texts = [...STRING_ROWS, ...STRING_VALUE_SETS.flat()].filter((v) => v !== null).map(String);
      const upperMap = await engineUpper(engine, texts);
      upper = (text) => {
        const result = upperMap.get(text);
        if (result === undefined) throw new Error(`no engine UPPER() for ${JSON.stringify(text)}`);
        return result;
      };
    });
    afterAll(async () => {
      await engine?.close();
    });

    const expectSame = async (table: string, values: RowValue[], cases: RuleCase[]) => {
      const { mismatches, selective } = await checkRules(engine, table, 'v', values, cases, upper);
      expect(mismatches.length, describeMismatches(mismatches)).toBe(0);
      expect(selective).toBeGreaterThan(cases.length / 3);
    };

    it('string rules: every operator, case-sensitive and not, hostile values', () => expectSame('fx_strings', stringValues, stringCases()));
    it('number rules', () => expectSame('fx_numbers', NUMBER_ROWS, numberCases()));
    it('boolean rules', () => expectSame('fx_booleans', BOOLEAN_ROWS, booleanCases()));
    it('date comparisons', () => expectSame('fx_dates', dateValues, absoluteDateCases('date', days, timestamps)));
    it('timestamp comparisons', () => expectSame('fx_timestamps', timestampValues, absoluteDateCases('timestamp', days, timestamps)));
    it('relative date rules in every unit, around DST changes', () => expectSame('fx_dates', dateValues, relativeCases('date')));
    it('relative timestamp rules in every unit, around DST changes', () =>
      expectSame('fx_timestamps', timestampValues, relativeCases('timestamp')));

    it('nested and/or groups keep the rows the reference keeps', async () => {
      const random = prng(42);
      const groups = Array.from({ length: 300 }, () => randomGroup(random, 3));
      const resolve = (r: FilterRule): FilterTarget => {
        const target = MIXED_FIELDS[r.target.fieldId];
        if (!target) throw new Error(`unknown field ${r.target.fieldId}`);
        return target;
      };
      const sqls = groups.map((group) => compileFilterGroup(group, resolve, engine.dialect, CTX) ?? '1 = 1');
      const actual = await matchingIds(engine, 'fx_mixed', sqls);
      const problems = groups.flatMap((group, i) => {
        const expected = mixedRows.flatMap((row, r) => {
          const referenceRow: ReferenceRow = Object.fromEntries(
            Object.entries(MIXED_FIELDS).map(([id, f]) => [id, { value: row[f.sql as keyof typeof row], type: f.type as DimensionType, caseSensitive: f.caseSensitive }]),
          );
          return evaluateFilterGroup(group, referenceRow, CTX, { upper }) ? [r + 1] : [];
        });
        return expected.join(',') === actual[i]!.join(',') ? [] : [`${sqls[i]}\n  expected ${expected.join(',')}\n  got      ${actual[i]!.join(',')}`];
      });
      expect(problems.length, problems.slice(0, 5).join('\n')).toBe(0);
    });
  });
}
