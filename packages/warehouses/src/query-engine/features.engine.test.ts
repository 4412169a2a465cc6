import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFeature } from './compile-feature.js';
import { enginesUnderTest, type EngineUnderTest } from './engines.js';
import { FEATURES } from './features.js';

/**
 * Every feature group runs on every engine available (DuckDB always; PostgreSQL and MariaDB in CI)
 * and the engines must agree row for row with DuckDB; a few results are also checked by hand.
 */
let engines: EngineUnderTest[];
const results = new Map<string, Record<string, unknown>[]>();

beforeAll(async () => {
  engines = await enginesUnderTest();
}, 300_000);
afterAll(async () => {
  await Promise.all((engines ?? []).map((e) => e.close()));
});

const canonical = (rows: Record<string, unknown>[], columns: string[]): string[] =>
  rows
    .map((r) =>
      JSON.stringify(
        columns.map((c) => {
          const v = r[c];
          if (typeof v === 'number') return Number(v.toPrecision(10));
          if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v)) return v.slice(0, 10);
          if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return v.replace('T', ' ').replace('Z', '');
          if (v === 1 || v === 0) return v;
          if (typeof v === 'boolean') return v ? 1 : 0;
          return v;
        }),
      ),
    )
    .sort();

describe.each(FEATURES.map((f) => [f.name, f] as const))('%s', (_name, feature) => {
  it('runs on every engine with the same rows', async () => {
    for (const engine of engines) {
      const compiled = compileFeature(feature, engine.explores, engine.dialect);
      let rows: Record<string, unknown>[];
      try {
        rows = await engine.run(compiled.sql);
      } catch (e) {
        throw new Error(`${engine.name}: ${(e as Error).message}\n${compiled.sql}`);
      }
      expect(rows.length, `${engine.name} returned no rows\n${compiled.sql}`).toBeGreaterThan(0);
      const key = feature.name;
      const reference = results.get(key);
      if (!reference) {
        results.set(key, rows);
        continue;
      }
      expect(canonical(rows, compiled.columns), `${engine.name} disagrees with duckdb\n${compiled.sql}`).toEqual(canonical(reference, compiled.columns));
    }
  });
});

describe('hand-checked results (DuckDB)', () => {
  const run = async (name: string) => {
    const engine = engines.find((e) => e.name === 'duckdb')!;
    const feature = FEATURES.find((f) => f.name === name)!;
    const compiled = compileFeature(feature, engine.explores, engine.dialect);
    return { rows: await engine.run(compiled.sql), compiled, engine };
  };

  it('table-calculation filters keep the top three regions, ranked over all regions', async () => {
    const { rows } = await run('table-calculations');
    expect(rows.map((r) => r.revenue_rank).sort()).toEqual([1, 2, 3]);
    const shares = rows.map((r) => Number(r.revenue_share));
    expect(shares.every((s) => s > 0 && s < 1)).toBe(true);
    for (const r of rows) expect(Number(r.share_pct)).toBeCloseTo(Number(r.revenue_share) * 100, 6);
  });

  it('metric filters apply to the aggregated rows', async () => {
    const { rows } = await run('metric-filters');
    for (const r of rows) {
      expect(Number(r.orders_total_revenue)).toBeGreaterThan(1000);
      expect(Number(r.orders_order_count)).toBeLessThan(1000);
    }
  });

  it('row-level security keeps only the user region', async () => {
    const { rows, compiled } = await run('row-level-security');
    expect(new Set(rows.map((r) => r.orders_region))).toEqual(new Set(['EMEA']));
    expect(compiled.sql).toContain(`'O''Brien'`);
    expect(compiled.sql).toContain(`'ana@example.com'`);
    expect(compiled.userValues).toEqual({ attributes: ['region'], email: true });
    expect((await run('basic')).compiled.userValues).toEqual({ attributes: [], email: false });
  });

  it('totals equal the sum of the grouped rows', async () => {
    const { rows: totals, engine } = await run('totals');
    const feature = FEATURES.find((f) => f.name === 'totals')!;
    const grouped = await engine.run(compileFeature({ ...feature, kind: 'query' }, engine.explores, engine.dialect).sql);
    expect(totals).toHaveLength(1);
    const sum = (k: string) => grouped.reduce((a, r) => a + Number(r[k]), 0);
    expect(Number(totals[0]!.orders_total_revenue)).toBeCloseTo(sum('orders_total_revenue'), 4);
    expect(Number(totals[0]!.order_items_units_sold)).toBe(sum('order_items_units_sold'));
  });

  it('fixed-number bins cover every order', async () => {
    const { rows, engine } = await run('fixed-number-bins');
    const [all] = await engine.run('SELECT COUNT(*) AS n FROM demo.orders WHERE total_usd IS NOT NULL');
    expect(rows.length).toBeLessThanOrEqual(5);
    expect(rows.reduce((a, r) => a + Number(r.orders_order_count), 0)).toBe(Number(all!.n));
  });

  it('custom ranges label with the anchor spelling', async () => {
    const { rows } = await run('custom-dimensions');
    expect(new Set(rows.map((r) => r.range_bin))).toEqual(new Set(['<50', '50-200', '≥200']));
  });

  it('days follow the query time zone (a DST weekend in New York)', async () => {
    const { rows, engine } = await run('timezone');
    const raw = await engine.run('SELECT ordered_at FROM demo.orders');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
    const expected = new Map<string, number>();
    for (const r of raw) {
      const local = day.format(new Date(`${String(r.ordered_at).replace(' ', 'T').replace(/Z?$/, 'Z')}`));
      if (local >= '2022-03-12' && local <= '2022-03-14') expected.set(local, (expected.get(local) ?? 0) + 1);
    }
    const actual = new Map<string, number>();
    for (const r of rows) {
      const d = String(r.orders_ordered_at_day).slice(0, 10);
      actual.set(d, (actual.get(d) ?? 0) + Number(r.orders_order_count));
    }
    expect(actual).toEqual(expected);
    expect(expected.size).toBeGreaterThanOrEqual(2);
  });

  it('underlying data returns order rows for the clicked filter only', async () => {
    const { rows, compiled } = await run('underlying-data');
    expect(rows.length).toBeGreaterThan(0);
    // The primary key is among the columns and no join repeats orders: rows are unique already.
    expect(compiled.sql).not.toMatch(/DISTINCT/);
    expect(rows.every((r) => r.orders_status === 'returned')).toBe(true);
    expect(Object.keys(rows[0]!)).toContain('orders_order_id');
  });
});
