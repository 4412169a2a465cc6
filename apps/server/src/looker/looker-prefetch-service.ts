import { TesseraError } from '@tessera/core';
import type { SavedChartReader } from '../charts/saved-chart-reader.js';
import { applyDashboardFilters, type DashboardFilters } from '../dashboards/dashboard-filters.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { QueryService } from '../query/query-service.js';
import type { LookerDashboardRule } from './looker-dashboard-filters.js';
import type { LookerDashboardReader } from './looker-dashboard-reader.js';
import { LookerValidationError } from './looker-errors.js';
import { parseLookerFilter } from './looker-filter-expressions.js';
import type { MappingProblem } from './looker-query-mapper.js';

/** A dashboard filter's value for a prefetch: the filter's name and a Looker expression. */
export type PrefetchFilterValue = { name?: string | null | undefined; value?: string | null | undefined };

type ElementReport = { id: string; title: string | null; cache_hit: boolean; rows: number; error?: string };

const NO_FIELDS = { dimensions: new Set<string>(), metrics: new Set<string>() };

const byteSize = (rows: readonly unknown[]) => Buffer.byteLength(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

/**
 * dashboard_prefetch / create_dashboard_prefetch: runs every chart element of a dashboard, with
 * the dashboard's filters (and the values given for some of them) applied per tile as API v1's
 * PostDashboardTile does, through the QueryService — so the results cache is warm for the next
 * viewer. Reports Looker's `Prefetch` fields; `value` maps each chart element's id to its report
 * as JSON text (`{title, cache_hit, rows}`, or the `error` that element met: one broken element
 * never fails the others).
 */
export class LookerPrefetchService {
  constructor(
    private readonly reader: LookerDashboardReader,
    private readonly charts: SavedChartReader,
    private readonly queries: QueryService,
    private readonly now: () => Date,
  ) {}

  async prefetch(account: MemberAccount, id: string, values: readonly PrefetchFilterValue[], ttl: number | null = null) {
    const { record } = await this.reader.find(account, id, 'view');
    const filters = withValues(record.filters, values);
    const started = performance.now();
    const elements: ElementReport[] = [];
    let bytes = 0;
    for (const tile of record.tiles) {
      if (tile.savedChartUuid === null) continue;
      const title = typeof tile.properties.title === 'string' ? tile.properties.title : (tile.chart?.name ?? null);
      try {
        const { version } = await this.charts.getForTile(account, tile.savedChartUuid);
        const fields = (await this.reader.exploreFields(record.projectUuid, version.tableName))?.ids() ?? NO_FIELDS;
        const { metricQuery, missingRequired } = applyDashboardFilters(version.metricQuery, filters, { tileUuid: tile.uuid, fields });
        if (missingRequired[0]) throw new LookerValidationError(`Dashboard filter "${missingRequired[0].label ?? missingRequired[0].id}" is required`, []);
        const results = await this.queries.run(account, record.projectUuid, version.tableName, metricQuery, { signal: new AbortController().signal });
        bytes += byteSize(results.rows);
        elements.push({ id: tile.uuid, title, cache_hit: results.cacheMetadata.cacheHit, rows: results.rows.length });
      } catch (error) {
        if (!(error instanceof TesseraError)) throw error;
        elements.push({ id: tile.uuid, title, cache_hit: false, rows: 0, error: error.message });
      }
    }
    const at = this.now().toISOString();
    return {
      can: {},
      computation_time: Math.round(performance.now() - started) / 1000,
      created_at: at,
      hit_count: elements.filter((e) => e.cache_hit).length,
      result_size_bytes: bytes,
      touched_at: at,
      ttl,
      // Looker's `value` is a map of strings: element id → its report as JSON text.
      value: Object.fromEntries(elements.map(({ id: elementId, ...report }) => [elementId, JSON.stringify(report)])),
    };
  }
}

/** The dashboard's filters with the given values (Looker expressions) set on the named ones. */
const withValues = (filters: DashboardFilters, values: readonly PrefetchFilterValue[]): DashboardFilters => {
  if (values.length === 0) return filters;
  const problems: MappingProblem[] = [];
  const set = new Map<string, Partial<LookerDashboardRule>>();
  const rules = [...filters.dimensions, ...filters.metrics] as LookerDashboardRule[];
  values.forEach((given, i) => {
    const rule = rules.find((r) => given.name && (r.looker?.name === given.name || r.label === given.name || r.id === given.name));
    if (!rule) {
      problems.push({ field: `dashboard_filters[${i}].name`, message: `The dashboard has no filter "${given.name ?? ''}" (its filters: ${rules.map((r) => r.looker?.name ?? r.label ?? r.id).join(', ') || 'none'})` });
      return;
    }
    if (!given.value) return set.set(rule.id, { values: [] });
    const condition = parseLookerFilter(given.value, rule.kind ?? 'string');
    if ('unmappable' in condition) problems.push({ field: `dashboard_filters[${i}].value`, message: condition.unmappable });
    else set.set(rule.id, { ...condition, disabled: false });
  });
  if (problems.length > 0) throw new LookerValidationError(`Validation Failed: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
  const apply = (list: typeof filters.dimensions) => list.map((r) => ({ ...r, ...set.get(r.id) }));
  return { dimensions: apply(filters.dimensions), metrics: apply(filters.metrics), tableCalculations: filters.tableCalculations };
};
