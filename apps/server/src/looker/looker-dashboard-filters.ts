import { randomUUID } from 'node:crypto';
import type { DashboardFilterRule } from '../dashboards/dashboard-filters.js';
import type { ExploreFields } from './looker-explore-fields.js';
import { parseLookerFilter, toLookerFilter, type FieldKind } from './looker-filter-expressions.js';
import type { MappingProblem } from './looker-query-mapper.js';

/** The part of Looker's `DashboardFilter` Tessera keeps. */
export type LookerFilterInput = {
  name?: string | null | undefined;
  title?: string | null | undefined;
  type?: string | null | undefined;
  default_value?: string | null | undefined;
  model?: string | null | undefined;
  explore?: string | null | undefined;
  dimension?: string | null | undefined;
  row?: number | null | undefined;
  listens_to_filters?: string[] | null | undefined;
  allow_multiple_values?: boolean | undefined;
  required?: boolean | undefined;
  ui_config?: Record<string, unknown> | null | undefined;
};

/** What Looker says of a filter that Tessera's rule has no place for, kept on the rule as written. */
type LookerExtras = { name: string; type: string; model: string | null; explore: string; row: number | null; listens_to_filters: string[]; allow_multiple_values: boolean; ui_config: Record<string, unknown> | null };
export type LookerDashboardRule = DashboardFilterRule & { looker?: LookerExtras; kind?: FieldKind };

/**
 * A Looker dashboard filter → a Tessera dashboard filter rule on the field `dimension` names (of
 * `explore`); its default value (a Looker expression) becomes the rule's condition, and a filter
 * without a default is a rule without values (which filters nothing until set).
 * `tileTargets` says which tiles listen (LookML `listen:`); without it the rule applies wherever
 * the field exists, as Tessera dashboard filters do.
 */
export const toDashboardRule = (
  filter: LookerFilterInput,
  fields: ExploreFields,
  path: string,
  tileTargets?: DashboardFilterRule['tileTargets'],
): { rule: LookerDashboardRule; group: 'dimensions' | 'metrics' } | { problems: MappingProblem[] } => {
  if (!filter.dimension) return { problems: [{ field: `${path}.dimension`, message: 'A dashboard filter needs the field it filters (dimension: view.field)' }] };
  const found = fields.byRef(filter.dimension);
  if (!found) return { problems: [{ field: `${path}.dimension`, message: `"${filter.dimension}" is not a field of explore "${fields.explore.name}"` }] };
  let condition: Pick<DashboardFilterRule, 'operator' | 'values' | 'settings'> = { operator: 'equals', values: [] };
  if (filter.default_value) {
    const parsed = parseLookerFilter(filter.default_value, found.kind);
    if ('unmappable' in parsed) return { problems: [{ field: `${path}.default_value`, message: parsed.unmappable }] };
    condition = parsed;
  }
  const name = filter.name ?? filter.title ?? found.ref;
  const rule: LookerDashboardRule = {
    id: randomUUID(),
    target: { fieldId: found.id, tableName: found.field.table },
    ...condition,
    label: filter.title ?? name,
    ...(filter.required ? { required: true } : {}),
    ...(tileTargets ? { tileTargets } : {}),
    kind: found.kind,
    looker: {
      name,
      type: filter.type ?? 'field_filter',
      model: filter.model ?? null,
      explore: fields.explore.name,
      row: filter.row ?? null,
      listens_to_filters: filter.listens_to_filters ?? [],
      allow_multiple_values: filter.allow_multiple_values ?? true,
      ui_config: filter.ui_config ?? null,
    },
  };
  return { rule, group: found.field.fieldType === 'dimension' ? 'dimensions' : 'metrics' };
};

/** Looker's `DashboardFilter` for a Tessera dashboard filter rule (written in API v1 or here). */
export const toLookerDashboardFilter = (rule: LookerDashboardRule, dashboardId: string, model: string) => {
  const { fieldId, tableName } = rule.target;
  const looker = rule.looker;
  const kind = rule.kind ?? 'string';
  const hasValue = rule.operator === 'isNull' || rule.operator === 'notNull' || (rule.values ?? []).length > 0;
  return {
    can: {},
    id: rule.id,
    dashboard_id: dashboardId,
    name: looker?.name ?? rule.label ?? fieldId,
    title: rule.label ?? looker?.name ?? fieldId,
    type: looker?.type ?? 'field_filter',
    default_value: hasValue && !rule.disabled ? toLookerFilter(rule, kind) : null,
    model: looker?.model ?? model,
    explore: looker?.explore ?? tableName,
    dimension: `${tableName}.${fieldId.startsWith(`${tableName}_`) ? fieldId.slice(tableName.length + 1) : fieldId}`,
    field: null,
    row: looker?.row ?? null,
    listens_to_filters: looker?.listens_to_filters ?? [],
    allow_multiple_values: looker?.allow_multiple_values ?? true,
    required: rule.required ?? false,
    ui_config: looker?.ui_config ?? null,
  };
};
