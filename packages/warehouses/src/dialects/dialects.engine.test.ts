import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './dialects.js';
import type { LiteralValue } from './literal-values.js';
import { testEngines, type EngineSession } from './testing/engines.js';

/**
 * Proves on real engines that literal() and quoteIdentifier() round-trip hostile text exactly:
 * DuckDB always, PostgreSQL when DATABASE_URL is set, MariaDB when MARIADB_URL is set.
 */
const engines = testEngines().map((engine) => ({ ...engine, dialect: DIALECTS[engine.dialect] }));

/** mulberry32: a tiny seeded PRNG, so a failure reproduces. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const PIECES = ["'", "''", '\\', "\\'", '"', '`', ';', '--', '/*', '*/', '#', '$$', '$1', '%', '_', '\n', '\r', '\t',
  '\x01', '\x1f', '\x7f', 'é', 'ß', '東', '🎉', '\u2028', '\uFEFF', ' ', 'a', 'Z', '0', "'); drop table x; --", 'E\'', 'N\''];

const randomText = (random: () => number, maxPieces: number): string => {
  let out = '';
  const count = Math.floor(random() * maxPieces);
  for (let i = 0; i < count; i++) {
    out += random() < 0.15 ? String.fromCharCode(1 + Math.floor(random() * 0xd7fe)) : PIECES[Math.floor(random() * PIECES.length)];
  }
  // @duckdb/node-api decodes VARCHAR with a BOM-stripping TextDecoder (the engine keeps it), so no leading U+FEFF.
  return out.startsWith('\uFEFF') ? ` ${out}` : out;
};

/** Column names: BMP only (MySQL identifiers), no leading space (MariaDB trims it), short (PostgreSQL keeps 63 bytes). */
const randomName = (random: () => number, i: number): string =>
  `c${[...randomText(random, 5)].filter((c) => c.length === 1).join('').slice(0, 10)}_${i}`;

const BATCHES = 6;
const PER_BATCH = 50;

describe.each(engines)('$name: literals and identifiers round-trip', (engine) => {
  let db: EngineSession;
  const { dialect } = engine;
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => {
    await db.close();
  });

  const select = (items: [LiteralValue, string][]): string =>
    `select ${items.map(([value, name]) => `${dialect.literal(value)} as ${dialect.quoteIdentifier(name)}`).join(', ')}`;

  it(`returns ${BATCHES * PER_BATCH} random strings under random column names exactly`, async () => {
    const random = prng(20240531);
    for (let b = 0; b < BATCHES; b++) {
      const strings = Array.from({ length: PER_BATCH }, () => randomText(random, 12));
      const names = strings.map((_, i) => randomName(random, i));
      const result = await db.query(select(strings.map((value, i) => [{ type: 'string', value }, names[i]!])));
      expect(result.columns).toEqual(names);
      expect(result.rows[0]).toEqual(strings);
    }
  });

  it('round-trips dates, timestamps, numbers, booleans and null', async () => {
    const cases: [LiteralValue, string | null][] = [
      [{ type: 'date', value: '2024-02-29' }, '2024-02-29'],
      [{ type: 'date', value: '1999-12-31' }, '1999-12-31'],
      [{ type: 'timestamp', value: '2024-01-31T23:30:00.125-02:00' }, '2024-02-01 01:30:00.125'],
      [{ type: 'timestamp', value: new Date(Date.UTC(2001, 8, 9, 1, 46, 40, 7)) }, '2001-09-09 01:46:40.007'],
      [{ type: 'number', value: 0.1 }, '0.1'],
      [{ type: 'number', value: -2.5 }, '-2.5'],
      [{ type: 'number', value: 42 }, '42'],
      [{ type: 'number', value: 123456789012345678n }, '123456789012345678'],
      [{ type: 'null' }, null],
    ];
    const sql = `select ${cases.map(([v], i) => `cast(${dialect.literal(v)} as ${engine.text}) as c${i}`).join(', ')}`;
    const [row] = await db.rows(sql);
    expect(row).toEqual(cases.map(([, text]) => text));

    const [wide] = await db.rows(`select ${dialect.literal({ type: 'number', value: 1e21 })} as w, ${dialect.literal({ type: 'number', value: -0 })} as z`);
    expect(wide!.map(Number)).toEqual([1e21, 0]);

    const [bools] = await db.rows(`select ${dialect.literal({ type: 'boolean', value: true })} = (1 = 1) as t, ${dialect.literal({ type: 'boolean', value: false })} = (1 = 0) as f`);
    expect(bools!.map((v) => v === true || v === 1)).toEqual([true, true]);
  });
});
