import type { TableCalculation } from '@tessera/core';
import type { ExploreFields } from './looker-explore-fields.js';

/** One entry of Looker's `dynamic_fields` as written (LookML: YAML objects; the API: a JSON string of them). */
export type DynamicField = { table_calculation?: string; label?: string; expression?: string; [key: string]: unknown };

const ARITHMETIC = /^[\s\d.+\-*/()]*$/;
const REFERENCE = /\$\{([^}]+)\}/g;

/** `dynamic_fields` as a list, whether written as YAML objects or as JSON text; null when unreadable. */
export const dynamicFieldsOf = (value: unknown): DynamicField[] | null => {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value as DynamicField[];
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as DynamicField[]) : null;
  } catch {
    return null;
  }
};

/**
 * A Looker table calculation → a Tessera one, when its expression is arithmetic over fields and
 * other calculations (`${order.total_revenue} / ${order.count}`): the same `${…}` references,
 * renamed to Tessera's `${table.field}`. Looker functions (`offset`, `row`, `if`…) have no SQL
 * equivalent here: the reason comes back instead.
 */
export const toTableCalculation = (field: DynamicField, fields: ExploreFields, calculations: ReadonlySet<string>): TableCalculation | { unmappable: string } => {
  const name = field.table_calculation;
  if (!name) return { unmappable: 'only table calculations are supported among dynamic_fields (custom measures and dimensions are not)' };
  const expression = field.expression ?? '';
  if (expression.trim() === '') return { unmappable: `table calculation "${name}" has no expression` };
  if (!ARITHMETIC.test(expression.replace(REFERENCE, '0'))) {
    return { unmappable: `table calculation "${name}": "${expression}" uses Looker functions, which have no Tessera equivalent` };
  }
  let unknown: string | undefined;
  const sql = expression.replace(REFERENCE, (whole, ref: string) => {
    if (calculations.has(ref)) return whole;
    const found = fields.byRef(ref);
    if (!found) unknown ??= ref;
    return found ? `\${${found.field.table}.${found.field.name}}` : whole;
  });
  if (unknown !== undefined) return { unmappable: `table calculation "${name}": \${${unknown}} is not a field of explore "${fields.explore.name}"` };
  return { name, displayName: field.label ?? name, sql };
};
