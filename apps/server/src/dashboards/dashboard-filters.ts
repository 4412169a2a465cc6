import type { ConditionalOperator, FilterGroup, FilterGroupItem, FilterRule, Filters, MetricQuery } from '@tessera/core';

/**
 * Dashboard filters (0.1411 `DashboardFilters`) and how they reach a tile's query. Pure: the
 * fields a tile's explore has come in as arguments.
 */
export type DashboardFieldTarget = { fieldId: string; tableName: string };

export type DashboardFilterRule = {
  id: string;
  target: DashboardFieldTarget;
  operator: ConditionalOperator;
  values?: unknown[] | undefined;
  settings?: FilterRule['settings'];
  disabled?: boolean | undefined;
  required?: boolean | undefined;
  caseSensitive?: boolean | undefined;
  label?: string | undefined;
  /** Per tile uuid: `false` = not applied to that tile; a target = applied to that field instead. */
  tileTargets?: Record<string, DashboardFieldTarget | false> | undefined;
};

export type DashboardFilters = {
  dimensions: DashboardFilterRule[];
  metrics: DashboardFilterRule[];
  tableCalculations: DashboardFilterRule[];
};

export const EMPTY_DASHBOARD_FILTERS: DashboardFilters = { dimensions: [], metrics: [], tableCalculations: [] };

type Kind = keyof DashboardFilters;
const KINDS: readonly Kind[] = ['dimensions', 'metrics', 'tableCalculations'];

/** The field ids a tile's explore offers (the chart's own custom fields are added from its query). */
export type ExploreFields = { dimensions: ReadonlySet<string>; metrics: ReadonlySet<string> };

export type AppliedDashboardFilters = {
  metricQuery: MetricQuery;
  /** The rules that reached the query, each with the target it was applied to. */
  applied: DashboardFilters;
  /** Required rules that would apply to this tile but have no value yet. */
  missingRequired: DashboardFilterRule[];
};

/** Operators that restrict without values (§4.5: they count as "set"). */
const NO_VALUE_OPERATORS: ReadonlySet<ConditionalOperator> = new Set(['isNull', 'notNull', 'inTheCurrent', 'notInTheCurrent']);

/** A rule with a value to filter by: not a disabled placeholder, and values where the operator needs them. */
export const isSet = (rule: DashboardFilterRule): boolean =>
  rule.disabled !== true && (NO_VALUE_OPERATORS.has(rule.operator) || (rule.values?.length ?? 0) > 0);

/**
 * Which field a rule filters on a tile: `tileTargets[tile] = false` → none; an explicit target →
 * that field; no entry (or no known tile) → the rule's own field. Either way only when the tile
 * has that field; otherwise the rule does not concern the tile.
 */
export const tileTarget = (rule: DashboardFilterRule, tileUuid: string | undefined, has: (fieldId: string) => boolean): DashboardFieldTarget | undefined => {
  const mapped = tileUuid === undefined ? undefined : rule.tileTargets?.[tileUuid];
  if (mapped === false) return undefined;
  const target = mapped ?? rule.target;
  return has(target.fieldId) ? target : undefined;
};

const isGroup = (item: FilterGroupItem): item is FilterGroup => 'and' in item || 'or' in item;

/** The group without rules on `fieldIds`; groups left empty disappear (undefined). */
const withoutRulesOn = (group: FilterGroup, fieldIds: ReadonlySet<string>): FilterGroup | undefined => {
  const items = 'and' in group ? group.and : group.or;
  const kept: FilterGroupItem[] = [];
  for (const item of items) {
    if (isGroup(item)) {
      const inner = withoutRulesOn(item, fieldIds);
      if (inner) kept.push(inner);
    } else if (!fieldIds.has(item.target.fieldId)) {
      kept.push(item);
    }
  }
  if (kept.length === 0) return undefined;
  return 'and' in group ? { id: group.id, and: kept } : { id: group.id, or: kept };
};

const asFilterRule = (rule: DashboardFilterRule, target: DashboardFieldTarget): FilterRule => ({
  id: rule.id,
  target: { fieldId: target.fieldId },
  operator: rule.operator,
  ...(rule.values !== undefined ? { values: rule.values } : {}),
  ...(rule.settings !== undefined ? { settings: rule.settings } : {}),
  ...(rule.caseSensitive !== undefined ? { caseSensitive: rule.caseSensitive } : {}),
});

/**
 * The chart's group with the dashboard's rules: the chart's own rules on a filtered field are
 * removed (wherever they sit in the tree) and the dashboard's rules are ANDed to what is left, so
 * every row of the tile satisfies every applied dashboard filter.
 */
const mergeGroup = (chart: FilterGroup | undefined, rules: readonly FilterRule[], kind: Kind): FilterGroup | undefined => {
  if (rules.length === 0) return chart;
  const rest = chart && withoutRulesOn(chart, new Set(rules.map((r) => r.target.fieldId)));
  if (rest === undefined) return { id: `dashboard-${kind}`, and: [...rules] };
  if ('and' in rest) return { id: rest.id, and: [...rest.and, ...rules] };
  return { id: `dashboard-${kind}`, and: [rest, ...rules] };
};

/**
 * A saved chart's query with a dashboard's filters applied for one tile (semantic-layer §4.5):
 * each set rule is applied to the field `tileTarget` picks, where the tile has it (explore fields,
 * plus the chart's custom dimensions, custom metrics and table calculations), and replaces the
 * chart's own filter on that field. Disabled placeholders and rules without a value change
 * nothing. The chart's query is not mutated.
 */
export const applyDashboardFilters = (
  chart: MetricQuery,
  filters: DashboardFilters,
  tile: { tileUuid?: string | undefined; fields: ExploreFields },
): AppliedDashboardFilters => {
  const available: Record<Kind, ReadonlySet<string>> = {
    dimensions: union(tile.fields.dimensions, (chart.customDimensions ?? []).map((d) => d.id)),
    metrics: union(tile.fields.metrics, (chart.additionalMetrics ?? []).map((m) => `${m.table}_${m.name}`)),
    tableCalculations: new Set(chart.tableCalculations.map((c) => c.name)),
  };
  const applied: DashboardFilters = { dimensions: [], metrics: [], tableCalculations: [] };
  const missingRequired: DashboardFilterRule[] = [];
  const merged: Filters = { ...chart.filters };
  for (const kind of KINDS) {
    const rules: FilterRule[] = [];
    for (const rule of filters[kind]) {
      const target = tileTarget(rule, tile.tileUuid, (id) => available[kind].has(id));
      if (target === undefined) continue;
      if (!isSet(rule)) {
        // A required rule is usually stored as a disabled placeholder until someone sets it.
        if (rule.required === true) missingRequired.push(rule);
        continue;
      }
      rules.push(asFilterRule(rule, target));
      applied[kind].push({ ...rule, target });
    }
    const group = mergeGroup(chart.filters[kind], rules, kind);
    if (group === undefined) delete merged[kind];
    else merged[kind] = group;
  }
  return { metricQuery: { ...chart, filters: merged }, applied, missingRequired };
};

const union = (set: ReadonlySet<string>, more: readonly string[]): ReadonlySet<string> =>
  more.length === 0 ? set : new Set([...set, ...more]);
