import { randomUUID } from 'node:crypto';
import type { ChartContent } from '../charts/saved-chart-repository.js';
import type { ExploreFields } from './looker-explore-fields.js';
import { stackedPlace, toGrid, type GridPlace, type LookerPlace } from './looker-layout.js';
import { toChartContent, type LookerQueryInput, type MappingMode, type MappingProblem } from './looker-query-mapper.js';

/** A dashboard element as the planner reads it (API bodies and LookML dashboards alike). */
export type ElementInput = {
  id?: string | number | null | undefined;
  type?: string | null | undefined;
  title?: string | null | undefined;
  title_hidden?: boolean | null | undefined;
  title_text?: string | null | undefined;
  body_text?: string | null | undefined;
  query?: LookerQueryInput | null | undefined;
  look_id?: string | number | null | undefined;
  merge_result_id?: string | number | null | undefined;
};

/** A tile to write: markdown for a text element, a chart saved in the dashboard for a query. */
export type PlannedTile =
  | { uuid: string; place: GridPlace; kind: 'text'; title: string; content: string }
  | { uuid: string; place: GridPlace; kind: 'chart'; title: string; hideTitle: boolean; content: ChartContent; explore: string; notes: string[] };

export type PlanContext = {
  projectName: string;
  /** Models the elements may name besides the project's name (LookML model names when importing). */
  otherModels: ReadonlySet<string>;
  /** Names of the organization's other projects (naming one is an error: tiles stay in their project). */
  otherProjects: ReadonlySet<string>;
  /** The explore's fields, or why it cannot be used. */
  fieldsOf(explore: string): Promise<ExploreFields | string>;
  mode: MappingMode;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Dashboard elements (+ their places) → the tiles to write, every element checked: a text element
 * becomes a markdown tile, an element with a query a chart whose content is the mapped query.
 * Element ids that are uuids are kept as tile uuids (so updates keep their tiles and charts).
 * All problems come back together, each naming its path (`dashboard_elements[i]…`).
 */
export const planElements = async (
  elements: readonly ElementInput[],
  places: ReadonlyMap<string, LookerPlace>,
  context: PlanContext,
): Promise<{ tiles: PlannedTile[] } | { problems: MappingProblem[] }> => {
  const problems: MappingProblem[] = [];
  const tiles: PlannedTile[] = [];
  const placed = [...places.values()];
  const top = placed.length === 0 ? 0 : Math.max(...placed.map((p) => p.row + p.height));
  let unplaced = 0;
  for (const [i, element] of elements.entries()) {
    const path = `dashboard_elements[${i}]`;
    const key = element.id === undefined || element.id === null ? undefined : String(element.id);
    const uuid = key !== undefined && UUID.test(key) ? key.toLowerCase() : randomUUID();
    const place = toGrid((key !== undefined ? places.get(key) : undefined) ?? stackedPlace(unplaced++, top));
    if (element.look_id || element.merge_result_id) {
      problems.push({ field: `${path}.${element.look_id ? 'look_id' : 'merge_result_id'}`, message: 'Looks and merged results do not exist in Tessera: give the element its own query' });
      continue;
    }
    const query = element.query;
    if (!query) {
      if (element.type && element.type !== 'text') {
        problems.push({ field: `${path}.query`, message: `A "${element.type}" element needs a query (model, view, fields)` });
        continue;
      }
      tiles.push({ uuid, place, kind: 'text', title: element.title_text ?? element.title ?? '', content: element.body_text ?? '' });
      continue;
    }
    if (query.model !== context.projectName && !context.otherModels.has(query.model)) {
      const why = context.otherProjects.has(query.model)
        ? `"${query.model}" is another project: a dashboard's elements query its own project ("${context.projectName}")`
        : `No project is named "${query.model}": use the dashboard's project, "${context.projectName}"`;
      problems.push({ field: `${path}.query.model`, message: why });
      continue;
    }
    const fields = await context.fieldsOf(query.view);
    if (typeof fields === 'string') {
      problems.push({ field: `${path}.query.view`, message: fields });
      continue;
    }
    const visType = element.type && element.type !== 'vis' ? element.type : null;
    const mapped = toChartContent(query, fields, `${path}.query`, visType, context.mode);
    if ('problems' in mapped) {
      problems.push(...mapped.problems);
      continue;
    }
    const title = element.title ?? query.view;
    tiles.push({ uuid, place, kind: 'chart', title, hideTitle: element.title_hidden === true, content: mapped.content, explore: fields.explore.name, notes: mapped.notes });
  }
  return problems.length > 0 ? { problems } : { tiles };
};

/** The places the active layout gives, by element id. */
export const placesOf = (
  layouts: readonly { active?: boolean | undefined; dashboard_layout_components?: readonly { dashboard_element_id?: string | number | null | undefined; row?: number | null | undefined; column?: number | null | undefined; width?: number | null | undefined; height?: number | null | undefined }[] | null | undefined }[] | null | undefined,
): Map<string, LookerPlace> => {
  const layout = layouts?.find((l) => l.active !== false) ?? layouts?.[0];
  const places = new Map<string, LookerPlace>();
  for (const c of layout?.dashboard_layout_components ?? []) {
    if (c.dashboard_element_id === undefined || c.dashboard_element_id === null) continue;
    places.set(String(c.dashboard_element_id), { row: c.row ?? 0, column: c.column ?? 0, width: c.width ?? 12, height: c.height ?? 6 });
  }
  return places;
};
