import type { CompiledDimension, ConditionalOperator, DimensionType } from '@tessera/core';
import type { DashboardFilterRule, DashboardFilters } from '../../../api/dashboards-endpoints.js';
import { operatorLabel } from '../../explore/utils/filter-operators.js';
import { newRule, ruleProblem, withOperator, type NewId } from '../../explore/utils/filter-tree.js';

/** A dimension a dashboard filter can use: one of the tiles' explores offers it. */
export type FilterField = { id: string; label: string; tableLabel: string; table: string; type: DimensionType };

/** `<table>_<name>`, the field id metric queries use. */
const fieldIdOf = (d: CompiledDimension) => `${d.table}_${d.name}`;

/**
 * The dimensions of the tiles' charts (the anchor's availableFilters, one list per chart), each
 * once, hidden ones left out, ordered by table then label.
 */
export const filterFieldsOf = (perChart: readonly (readonly CompiledDimension[])[]): FilterField[] => {
  const fields = new Map<string, FilterField>();
  for (const dimensions of perChart) {
    for (const d of dimensions) {
      const id = fieldIdOf(d);
      if (d.hidden || fields.has(id)) continue;
      fields.set(id, { id, label: d.label, tableLabel: d.tableLabel, table: d.table, type: d.type });
    }
  }
  return [...fields.values()].sort((a, b) => a.tableLabel.localeCompare(b.tableLabel) || a.label.localeCompare(b.label));
};

/** A new dashboard rule on a field (the explore builder's default operator and values for its type). */
export const newDashboardRule = (field: FilterField, newId: NewId): DashboardFilterRule => {
  const rule = newRule({ id: field.id, filterType: field.type }, newId);
  return { ...rule, target: { fieldId: field.id, tableName: field.table } };
};

/** The rule with another operator, keeping the values that still make sense (the builder's rule). */
export const withDashboardOperator = (rule: DashboardFilterRule, operator: ConditionalOperator, type: DimensionType): DashboardFilterRule => {
  const next = withOperator(rule, operator, type);
  return { ...rule, operator: next.operator, values: next.values ?? [], ...(next.settings ? { settings: next.settings } : { settings: undefined }) };
};

/** Adds the rule, or replaces the one with its id (dimension rules: the filter bar sets those). */
export const upsertDimensionRule = (filters: DashboardFilters, rule: DashboardFilterRule): DashboardFilters => {
  const exists = filters.dimensions.some((r) => r.id === rule.id);
  return { ...filters, dimensions: exists ? filters.dimensions.map((r) => (r.id === rule.id ? rule : r)) : [...filters.dimensions, rule] };
};

export const removeRule = (filters: DashboardFilters, id: string): DashboardFilters => ({
  dimensions: filters.dimensions.filter((r) => r.id !== id),
  metrics: filters.metrics.filter((r) => r.id !== id),
  tableCalculations: filters.tableCalculations.filter((r) => r.id !== id),
});

const valueText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A rule in words for its chip: "Status is completed, shipped", "Order date in the last 14 days". */
export const describeRule = (rule: DashboardFilterRule, field: FilterField | undefined): string => {
  const type = field?.type ?? 'string';
  const name = rule.label ?? field?.label ?? rule.target.fieldId;
  const op = operatorLabel(rule.operator, type);
  const values = (rule.values ?? []).map(valueText).filter((v) => v !== '');
  const unit = rule.settings?.unitOfTime;
  switch (rule.operator) {
    case 'isNull':
    case 'notNull':
      return `${name} ${op}`;
    case 'inThePast':
    case 'notInThePast':
    case 'inTheNext':
      return `${name} ${op} ${values[0] ?? '…'} ${unit ?? 'days'}`;
    case 'inTheCurrent':
    case 'notInTheCurrent':
      return `${name} ${op} ${(unit ?? 'months').replace(/s$/, '')}`;
    case 'inBetween':
      return `${name} ${op} ${values[0] ?? '…'} and ${values[1] ?? '…'}`;
    default:
      return `${name} ${op} ${values.length > 0 ? values.join(', ') : '…'}`;
  }
};

/** Why the rule filters nothing yet (the server ignores it), or undefined when it is complete. */
export const dashboardRuleProblem = (rule: DashboardFilterRule, field: FilterField | undefined): string | undefined =>
  field ? ruleProblem(rule, field.type) : undefined;

/** Rules that restrict something (disabled and incomplete ones sent would change nothing, but keep tile keys stable). */
export const effectiveFilters = (filters: DashboardFilters, fields: readonly FilterField[]): DashboardFilters => {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const complete = (r: DashboardFilterRule) => !r.disabled && (byId.has(r.target.fieldId) ? ruleProblem(r, byId.get(r.target.fieldId)?.type ?? 'string') === undefined : true);
  return { dimensions: filters.dimensions.filter(complete), metrics: filters.metrics.filter((r) => !r.disabled), tableCalculations: filters.tableCalculations.filter((r) => !r.disabled) };
};
