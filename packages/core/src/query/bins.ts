import { ParameterError } from '../errors/index.js';
import type { QueryDialect } from './dialect.js';
import type { CustomBinDimension } from './types.js';

/** A bin dimension's label SQL, its sort companion, and (fixed number of bins) the range it reads. */
export interface BinSql {
  sql: string;
  orderSql: string;
  /** fixed_number: a CTE over the query's rows giving `min_id` / `max_id` / `bin_width`, cross-joined under `alias`. */
  range?: { alias: string; value: string };
}

const num = (dialect: QueryDialect, n: number): string => dialect.literal({ type: 'number', value: n });
const str = (dialect: QueryDialect, s: string): string => dialect.literal({ type: 'string', value: s });
const text = (dialect: QueryDialect, sql: string): string => dialect.castToString(sql);

/**
 * Bins over a number dimension `x`. Labels follow the anchor (`0 - 9`, `<10`, `≥100`); unlike it,
 * fixed-width labels are exact for non-integer widths and fixed-number ranges cover only the rows the
 * query filters keep.
 */
export const binSql = (bin: CustomBinDimension, x: string, dialect: QueryDialect): BinSql => {
  const q = (name: string) => dialect.quoteIdentifier(name);
  const what = `custom dimension "${bin.id}"`;
  switch (bin.binType) {
    case 'fixed_width': {
      const w = bin.binWidth;
      if (w === undefined || !Number.isFinite(w) || w <= 0) throw new ParameterError(`${what}: binWidth must be a positive number`);
      // Divide as floating point: engines differ on integer division.
      const lower = `FLOOR(${dialect.castToFloat(x)} / ${num(dialect, w)}) * ${num(dialect, w)}`;
      // Integer widths label like the anchor (`0 - 9`, integers printed alike by every engine).
      const [from, to] = Number.isInteger(w)
        ? [dialect.castToInteger(lower), dialect.castToInteger(`${lower} + ${num(dialect, w - 1)}`)]
        : [lower, `${lower} + ${num(dialect, w)}`];
      const label = dialect.concat([text(dialect, from), str(dialect, ' - '), text(dialect, to)]);
      return { sql: `CASE WHEN ${x} IS NULL THEN NULL ELSE ${label} END`, orderSql: lower };
    }
    case 'fixed_number': {
      const n = bin.binNumber;
      if (n === undefined || !Number.isInteger(n) || n < 1 || n > 1000) throw new ParameterError(`${what}: binNumber must be a whole number from 1 to 1000`);
      const alias = `${bin.id}__range`;
      const min = `${q(alias)}.${q('min_id')}`;
      const max = `${q(alias)}.${q('max_id')}`;
      const width = `${q(alias)}.${q('bin_width')}`;
      const from = (i: number) => (i === 0 ? min : `${min} + ${width} * ${num(dialect, i)}`);
      const label = (a: string, b: string) => dialect.concat([text(dialect, a), str(dialect, ' - '), text(dialect, b)]);
      const whens: string[] = [];
      const orders: string[] = [];
      for (let i = 0; i < n - 1; i++) {
        const cond = `${x} >= ${from(i)} AND ${x} < ${from(i + 1)}`;
        whens.push(`WHEN ${cond} THEN ${label(from(i), from(i + 1))}`);
        orders.push(`WHEN ${cond} THEN ${num(dialect, i)}`);
      }
      const sql = `CASE WHEN ${x} IS NULL THEN NULL ${whens.join(' ')} ELSE ${label(from(n - 1), max)} END`;
      const orderSql = `CASE WHEN ${x} IS NULL THEN ${num(dialect, n)} ${orders.join(' ')} ELSE ${num(dialect, n - 1)} END`;
      return { sql, orderSql, range: { alias, value: x } };
    }
    case 'custom_range': {
      const ranges = bin.customRange ?? [];
      if (ranges.length === 0) throw new ParameterError(`${what}: customRange needs at least one range`);
      const whens: string[] = [];
      const orders: string[] = [];
      ranges.forEach((r, i) => {
        const parts: string[] = [];
        if (r.from !== undefined) parts.push(`${x} >= ${num(dialect, r.from)}`);
        if (r.to !== undefined) parts.push(`${x} < ${num(dialect, r.to)}`);
        const cond = parts.length ? parts.join(' AND ') : 'TRUE';
        const name = r.from === undefined && r.to !== undefined ? `<${r.to}` : r.to === undefined && r.from !== undefined ? `≥${r.from}` : `${r.from ?? ''}-${r.to ?? ''}`;
        whens.push(`WHEN ${cond} THEN ${str(dialect, name)}`);
        orders.push(`WHEN ${cond} THEN ${num(dialect, i)}`);
      });
      return {
        sql: `CASE WHEN ${x} IS NULL THEN NULL ${whens.join(' ')} ELSE NULL END`,
        orderSql: `CASE WHEN ${x} IS NULL THEN ${num(dialect, ranges.length)} ${orders.join(' ')} ELSE ${num(dialect, ranges.length)} END`,
      };
    }
    default:
      throw new ParameterError(`${what}: unknown binType`);
  }
};
