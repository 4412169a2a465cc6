import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LikePosition } from '@tessera/core';
import { DIALECTS } from './dialects.js';
import { likePattern, queryDialect } from './query-dialect.js';
import { testEngines, type EngineSession } from './testing/engines.js';

/**
 * The query-building hooks, run on real engines: DuckDB always, PostgreSQL with DATABASE_URL,
 * MariaDB with MARIADB_URL.
 */
const TEXTS = ['%', '_', '!', '\\', "'", '"', '`', '%_!\\', 'a%b', '50%', '!!', '\\%', '!%', '!_', "it's", "''", 'Zürich 東京 🎉',
  '', "'; drop table x; --", '\\\\', 'x_y', '[a]', '^$.*', 'E\'\\n', '%%', '__'];
const POSITIONS: LikePosition[] = ['contains', 'startsWith', 'endsWith'];

/** Subjects that should match `text` somewhere, and near misses where a wildcard would wrongly match. */
const subjectsFor = (text: string): string[] => {
  const nearMiss = text.replace(/[%_!\\]/g, 'X');
  return [...new Set([text, `ab${text}cd`, `${text}zz`, `zz${text}`, nearMiss, `ab${nearMiss}`, `${nearMiss}zz`, 'plain', ''])];
};

const matches = (subject: string, text: string, position: LikePosition): boolean =>
  position === 'contains' ? subject.includes(text) : position === 'startsWith' ? subject.startsWith(text) : subject.endsWith(text);

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 1n;

describe.each(testEngines())('$name: query hooks on the engine', (engine) => {
  let db: EngineSession;
  const d = queryDialect(engine.dialect);
  const str = (value: string) => d.literal({ type: 'string', value });
  // MariaDB's default collation folds case and accents: compare bytes, as the other engines do.
  const subject = (value: string) => (engine.name === 'mariadb' ? `(${str(value)} COLLATE utf8mb4_bin)` : `(${str(value)})`);
  beforeAll(async () => {
    db = await engine.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('likeMatch matches hostile text literally, at every position, negated or not', async () => {
    for (const text of TEXTS) {
      const cases = subjectsFor(text).flatMap((s) => POSITIONS.flatMap((p) => [false, true].map((negate) => ({ s, p, negate }))));
      const [row] = await db.rows(`select ${cases.map((c, i) => `${d.likeMatch(subject(c.s), text, c.p, c.negate)} as c${i}`).join(', ')}`);
      const expected = cases.map((c) => matches(c.s, text, c.p) !== c.negate);
      expect(row!.map(truthy), `text ${JSON.stringify(text)}`).toEqual(expected);
    }
  });

  // BigQuery and ClickHouse have no ESCAPE clause: `\` escapes in the pattern, and their string lexer
  // reads `\` too. PostgreSQL's LIKE defaults to `\` (one level); MariaDB's LIKE and string lexer both
  // read `\` (the same two levels as BigQuery/ClickHouse), so the backslash scheme is proved here.
  it.skipIf(engine.name === 'duckdb')('the backslash pattern survives the string lexer', async () => {
    const lexer = engine.name === 'mariadb' ? DIALECTS.mysql : DIALECTS.postgres;
    for (const text of TEXTS) {
      const cases = subjectsFor(text).flatMap((s) => POSITIONS.map((p) => ({ s, p })));
      const sql = cases.map((c, i) => `${subject(c.s)} LIKE ${lexer.literal({ type: 'string', value: likePattern(text, c.p, 'backslash') })} as c${i}`);
      const [row] = await db.rows(`select ${sql.join(', ')}`);
      expect(row!.map(truthy), `text ${JSON.stringify(text)}`).toEqual(cases.map((c) => matches(c.s, text, c.p)));
    }
  });

  it('concat, castToString, castToFloat', async () => {
    const [row] = await db.rows(
      `select ${d.concat([str("a'"), str('\\'), str('東')])}, ${d.castToString('42')}, ${d.castToFloat('1')} / 4, ${d.concat([str('x'), d.castToString('7')])}`,
    );
    expect(row).toEqual(["a'\\東", '42', 0.25, 'x7']);
  });

  it('nullSafeEquals: NULL equals NULL, never NULL itself (every spelling the engine parses)', async () => {
    const spellings = [d, queryDialect('clickhouse')];
    const pairs: [string, string, boolean][] = [['1', '1', true], ['1', '2', false], ['NULL', '1', false], ['1', 'NULL', false], ['NULL', 'NULL', true]];
    for (const spelling of spellings) {
      const items = pairs.flatMap(([a, b]) => [spelling.nullSafeEquals(a, b), `NOT ${spelling.nullSafeEquals(a, b)}`]);
      const [row] = await db.rows(`select ${items.join(', ')}`);
      expect(row!.map((v) => (v === null ? null : truthy(v)))).toEqual(pairs.flatMap(([, , eq]) => [eq, !eq]));
    }
  });

  it('limit', async () => {
    const rows = await db.rows(`select 1 as n union all select 2 union all select 3 ${d.limit(2)}`);
    expect(rows).toHaveLength(2);
  });
});
