import { ParameterError } from '../errors/index.js';
import type { DimensionType } from '../semantic/types/explore.js';
import type { TableCalculation } from './types.js';

const REFERENCE = /\$\{\s*([^}]*?)\s*\}/g;

/**
 * Table calculations run over the aggregated result: `${table.field}` is the selected field's
 * column, `${other_calc}` another calculation (inlined, cycles refused). Window functions are fine —
 * they see the rows left after metric filters.
 */
export const tableCalculationSql = (
  calcs: readonly TableCalculation[],
  selected: ReadonlySet<string>,
  quote: (name: string) => string,
): Map<string, string> => {
  const byName = new Map(calcs.map((c) => [c.name, c]));
  for (const c of calcs) {
    if (!c.name) throw new ParameterError('A table calculation needs a name');
    if (selected.has(c.name)) throw new ParameterError(`Table calculation "${c.name}" has the same name as a selected field: rename it`);
  }
  const done = new Map<string, string>();
  const compile = (calc: TableCalculation, path: string[]): string => {
    const known = done.get(calc.name);
    if (known !== undefined) return known;
    if (path.includes(calc.name)) throw new ParameterError(`Table calculation "${calc.name}" refers to itself through ${[...path, calc.name].join(' → ')}`);
    const sql = calc.sql.replace(REFERENCE, (_w, ref: string) => {
      const other = byName.get(ref);
      if (other) return `(${compile(other, [...path, calc.name])})`;
      const id = ref.replace('.', '_');
      if (!selected.has(id)) {
        throw new ParameterError(`Table calculation "${calc.name}": \${${ref}} is not a field of this query; select it first`);
      }
      return quote(id);
    });
    done.set(calc.name, sql);
    return sql;
  };
  for (const c of calcs) compile(c, []);
  return done;
};

/** The type a table calculation is filtered as: its `type`, else from its format. */
export const tableCalculationType = (calc: TableCalculation): DimensionType => {
  if (calc.type) return calc.type;
  const f = calc.format?.type;
  if (f === 'date' || f === 'timestamp') return f;
  if (f === 'percent' || f === 'currency' || f === 'number') return 'number';
  return 'number';
};
