import { randomUUID } from 'node:crypto';
import type { LookmlDashboard, LookmlDashboardElement } from '@tessera/models';
import type { DashboardFilterRule } from '../dashboards/dashboard-filters.js';
import type { LookerDashboardBody } from './looker-dashboard-schemas.js';
import type { ExploreFields } from './looker-explore-fields.js';

/** Keys of a LookML element that describe its query rather than its visualisation. */
const QUERY_KEYS = new Set([
  'name', 'title', 'title_text', 'subtitle_text', 'body_text', 'note_text', 'note_state', 'note_display', 'type', 'model', 'explore', 'fields',
  'filters', 'sorts', 'limit', 'pivots', 'listen', 'row', 'col', 'width', 'height', 'dynamic_fields', 'fill_fields', 'total', 'row_total',
  'subtotals', 'column_limit', 'query_timezone', 'filter_expression', 'merge_result_id', 'look_id',
]);

const queryOf = (element: LookmlDashboardElement) => {
  const raw = element.raw;
  return {
    model: element.model ?? '',
    view: element.explore ?? '',
    fields: element.fields,
    filters: element.filters,
    sorts: element.sorts,
    pivots: element.pivots,
    limit: element.limit ?? null,
    dynamic_fields: raw.dynamic_fields as string | Record<string, unknown>[] | undefined,
    fill_fields: raw.fill_fields as string[] | undefined,
    total: raw.total as boolean | undefined,
    row_total: raw.row_total as string | undefined,
    subtotals: raw.subtotals as string[] | undefined,
    column_limit: raw.column_limit as number | undefined,
    query_timezone: raw.query_timezone as string | undefined,
    filter_expression: raw.filter_expression as string | undefined,
    vis_config: Object.fromEntries(Object.entries(raw).filter(([k]) => !QUERY_KEYS.has(k))),
  };
};

/**
 * A LookML dashboard as a create/update body of the Looker face: elements with a query keep it
 * (model, explore, fields, filters…; the other keys are its `vis_config`), other elements become
 * text, the newspaper places become the layout, dashboard filters keep their field. Each element
 * gets a fresh id so `listen:` can be turned into per-tile filter targets (`targetsOf`).
 */
export const lookmlToBody = (dashboard: LookmlDashboard): { body: LookerDashboardBody; listens: Map<string, Record<string, string>> } => {
  const listens = new Map<string, Record<string, string>>();
  const elements = dashboard.elements.map((element) => {
    const id = randomUUID();
    listens.set(id, element.listen);
    if (!element.explore) {
      return { id, type: 'text', title_text: element.title_text ?? element.title, body_text: [element.subtitle_text, element.body_text, element.note_text].filter(Boolean).join('\n\n') };
    }
    return { id, type: element.type || 'looker_grid', title: element.title, ...(element.note_text ? { note_text: element.note_text } : {}), query: queryOf(element) };
  });
  const components = dashboard.elements.flatMap((element, i) =>
    element.row === undefined && element.col === undefined
      ? []
      : [{ dashboard_element_id: elements[i]!.id, row: element.row ?? 0, column: element.col ?? 0, width: element.width ?? 8, height: element.height ?? 6 }],
  );
  const body: LookerDashboardBody = {
    title: dashboard.title,
    description: dashboard.description ?? null,
    dashboard_elements: elements,
    dashboard_layouts: [{ active: true, dashboard_layout_components: components }],
    dashboard_filters: dashboard.filters.map((f) => ({
      name: f.name,
      title: f.title,
      type: f.type,
      default_value: f.default_value ?? null,
      model: f.model ?? null,
      explore: f.explore ?? null,
      dimension: f.field ?? null,
      listens_to_filters: f.listens_to_filters,
      ...(f.allow_multiple_values !== undefined ? { allow_multiple_values: f.allow_multiple_values } : {}),
      ...(f.required !== undefined ? { required: f.required } : {}),
      ui_config: f.ui_config ?? null,
    })),
  };
  return { body, listens };
};

/**
 * `listen:` → a dashboard filter's tile targets: each chart tile that listens to the filter gets the
 * field it listens with; the others `false`. LookML elements listen explicitly, so a filter no
 * element listens to filters no tile.
 */
export const targetsOf = (
  listens: ReadonlyMap<string, Record<string, string>>,
  fieldsOfTile: (tileUuid: string) => ExploreFields | undefined,
) => (filterName: string, tiles: readonly { uuid: string; kind: string }[]): DashboardFilterRule['tileTargets'] => {
  const targets: NonNullable<DashboardFilterRule['tileTargets']> = {};
  for (const tile of tiles) {
    if (tile.kind !== 'chart') continue;
    const ref = listens.get(tile.uuid)?.[filterName];
    const field = ref ? fieldsOfTile(tile.uuid)?.byRef(ref) : undefined;
    targets[tile.uuid] = field ? { fieldId: field.id, tableName: field.field.table } : false;
  }
  return targets;
};
