import { compileFilterRule, ParameterError, type ConditionalOperator, type DimensionType, type FilterRule } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowValue } from '../../../core/src/query/filters/testing/reference.js';
import { checkRules, describeMismatches, type RuleCase } from './filter-check.js';
import { CONTEXTS, createTable, timestampRows } from './filter-rows.js';
import { forbiddenText, fuzzAmount, fuzzDate, fuzzDay, fuzzNumber, fuzzTimestamp, hostileText, longText, textNear } from './fuzz-values.js';
import { prng, type Prng } from './prng.js';
import { availableEngines, engineUpper, type TestEngine } from './test-engines.js';

/**
 * Seeded fuzz: more than 10,000 generated filter values through every string, number, date and
 * timestamp operator on DuckDB and PostgreSQL. No value may cause an engine error; refused values
 * are ParameterErrors the reference refuses too; every accepted rule keeps exactly the rows the
 * reference keeps.
 */
const SEED = 20_240_310;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CTX = CONTEXTS[0]!;

const STRING_OPS: ConditionalOperator[] = ['equals', 'notEquals', 'startsWith', 'endsWith', 'include', 'doesNotInclude'];
const NUMBER_OPS: ConditionalOperator[] = ['equals', 'notEquals', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inBetween'];
const RELATIVE_OPS: ConditionalOperator[] = ['inThePast', 'notInThePast', 'inTheNext', 'inTheCurrent', 'notInTheCurrent'];
const UNITS = ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years'];

interface Fuzz {
  rows: { s: string | null; n: number | null; d: string | null; ts: Date | null }[];
  cases: Record<'s' | 'n' | 'd' | 'ts', RuleCase[]>;
  valueCount: number;
  forbidden: FilterRule[];
}

const generate = (random: Prng): Fuzz => {
  const near = timestampRows(CONTEXTS);
  const rows = Array.from({ length: 64 }, (_, i) => ({
    s: i % 16 === 15 ? null : i === 3 ? '' : i === 7 || i === 8 ? longText(random, 10_000) : hostileText(random, 5),
    n: i % 13 === 12 ? null : fuzzNumberRow(random),
    d: i % 11 === 10 ? null : random.chance(0.5) ? fuzzDay(random) : `2024-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    ts: i % 9 === 8 ? null : random.chance(0.6) ? random.pick(near) : new Date(random.int(-30_000_000_000, 253_402_300_799) * 1000 + random.int(0, 999)),
  }));
  let valueCount = 0;
  let nextId = 0;
  const forbidden: FilterRule[] = [];
  const rule = (operator: ConditionalOperator, values: unknown[], extra: Partial<FilterRule> = {}): FilterRule => {
    valueCount += values.length;
    return { id: `z${nextId++}`, target: { fieldId: 'f' }, operator, values, ...extra };
  };
  const several = <T>(make: () => T): T[] => Array.from({ length: random.chance(0.7) ? 1 : random.int(2, 3) }, make);

  const rowTexts = rows.map((r) => r.s).filter((s): s is string => s !== null);
  const stringValue = (): unknown => {
    const roll = random.next();
    if (roll < 0.45) return hostileText(random);
    if (roll < 0.82) return textNear(random, random.pick(rowTexts));
    if (roll < 0.84) return longText(random, 10_000);
    if (roll < 0.87) return forbiddenText(random);
    if (roll < 0.9) return random.pick([0, 42, -1.5, true, false]);
    if (roll < 0.92) return random.pick([null, {}, [], NaN]);
    return '';
  };
  const s = Array.from({ length: 6000 }, (): RuleCase => {
    const r = rule(random.pick(STRING_OPS), several(stringValue), random.chance(0.2) ? { caseSensitive: random.chance(0.5) } : {});
    return { rule: r, type: 'string', ctx: CTX, caseSensitive: random.chance(0.5) };
  });
  for (let i = 0; i < 200; i++) {
    forbidden.push(rule(random.pick(STRING_OPS), [`${hostileText(random, 3)}\u0000${hostileText(random, 3)}`]));
  }
  const n = Array.from({ length: 1500 }, (): RuleCase => {
    const operator = random.pick(NUMBER_OPS);
    const values = operator === 'inBetween' ? (random.chance(0.95) ? [fuzzNumber(random), fuzzNumber(random)] : [fuzzNumber(random)]) : several(() => fuzzNumber(random));
    return { rule: rule(operator, values), type: 'number', ctx: CTX, caseSensitive: true };
  });
  const dated = (type: 'date' | 'timestamp', value: (r: Prng) => unknown) =>
    Array.from({ length: 1500 }, (): RuleCase => {
      const ctx = random.pick(CONTEXTS);
      if (random.chance(0.5)) {
        const operator = random.pick(RELATIVE_OPS);
        const settings = {
          unitOfTime: (random.chance(0.97) ? random.pick(UNITS) : random.pick(['fortnights', 'DAYS', ''])) as never,
          completed: (random.chance(0.97) ? random.chance(0.5) : random.pick(['yes', 1])) as never,
        };
        const values = operator.includes('Current') ? [] : [fuzzAmount(random)];
        return { rule: rule(operator, values, { settings }), type, ctx, caseSensitive: true };
      }
      const operator = random.pick(NUMBER_OPS);
      const values = operator === 'inBetween' ? [value(random), value(random)] : several(() => value(random));
      return { rule: rule(operator, values), type, ctx, caseSensitive: true };
    });
  return { rows, cases: { s, n, d: dated('date', fuzzDate), ts: dated('timestamp', fuzzTimestamp) }, valueCount, forbidden };
};

/** Row numbers: finite doubles of every magnitude, including the ones filter values aim at. */
const fuzzNumberRow = (random: Prng): number => {
  const value = fuzzNumber(random);
  return typeof value === 'number' && Number.isFinite(value) ? value : random.int(-50, 50);
};

const fuzz = generate(prng(SEED));
const TYPES: Record<'s' | 'n' | 'd' | 'ts', DimensionType> = { s: 'string', n: 'number', d: 'date', ts: 'timestamp' };

describe('filter fuzz: generated values', () => {
  it('are more than 10,000, and the ones with NUL are refused with a ParameterError naming the field', () => {
    expect(fuzz.valueCount).toBeGreaterThan(10_000);
        for (const r of fuzz.forbidden) {
      const attempt = () => compileFilterRule(r, { sql: 's', type: 'string', caseSensitive: true, fieldId: 'orders_status' }, DUMMY_DIALECT, CTX);
      expect(attempt).toThrow(ParameterError);
      expect(attempt).toThrow(/orders_status.*NUL/);
    }
  });
});

/** The NUL check happens before any rendering, so a dialect that would fail on use proves it. */
const DUMMY_DIALECT = new Proxy({} as never, {
  get: () => () => {
    throw new Error('no SQL may be rendered for a refused value');
  },
});

for (const { name, open } of availableEngines({ mariadb: false })) {
  describe(`filter fuzz on ${name}`, () => {
    let engine: TestEngine;
    let upper: (text: string) => string;

    beforeAll(async () => {
      engine = await open();
      await createTable(engine, 'fz_rows', { s: 'string', n: 'number', d: 'date', ts: 'timestamp' }, fuzz.rows);
      const texts = [...fuzz.rows.map((r) => r.s), ...fuzz.cases.s.flatMap((c) => c.rule.values ?? [])]
        .filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        .map(String)
        .filter((t) => !t.includes('\u0000') && !LONE_SURROGATE.test(t));
      const upperMap = await engineUpper(engine, texts);
      upper = (text) => {
        const result = upperMap.get(text);
        if (result === undefined) throw new Error(`no engine UPPER() for ${JSON.stringify(text).slice(0, 80)}`);
        return result;
      };
    }, 120_000);
    afterAll(async () => {
      await engine?.close();
    });

    for (const column of ['s', 'n', 'd', 'ts'] as const) {
      it(
        `${TYPES[column]} rules: no engine errors, same rows as the reference`,
        async () => {
          const values: RowValue[] = fuzz.rows.map((r) => r[column]);
          const cases = fuzz.cases[column];
          const { mismatches, accepted, selective } = await checkRules(engine, 'fz_rows', column, values, cases, upper);
          expect(mismatches.length, describeMismatches(mismatches)).toBe(0);
          // Not vacuous: most rules run, and many of them split the rows.
          expect(accepted).toBeGreaterThan(cases.length / 2);
          expect(selective).toBeGreaterThan(cases.length / 5);
        },
        300_000,
      );
    }
  });
}
