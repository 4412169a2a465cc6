import { TesseraError, isExploreError, type CompiledDimension, type Explore, type MetricQuery } from '@tessera/core';
import { applyDashboardFilters, type DashboardFilters, type ExploreFields } from '../dashboards/dashboard-filters.js';
import type { ExploreService } from '../explores/explore-service.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { CsvExportService } from '../query/csv-export-service.js';
import type { QueryResults, QueryService, RunOptions } from '../query/query-service.js';
import type { ChartHistoryService } from './chart-history-service.js';
import type { SavedChartReader } from './saved-chart-reader.js';
import type { ChartVersionRecord } from './saved-chart-repository.js';

export type CsvFromChartBody = {
  csvLimit?: number | null | undefined;
  onlyRaw: boolean;
  tileUuid?: string | undefined;
  dashboardFilters?: DashboardFilters | undefined;
};

type TableColumns = Record<string, { visible?: unknown; name?: unknown } | undefined>;

const hasRules = (filters: DashboardFilters | undefined): filters is DashboardFilters =>
  filters !== undefined && filters.dimensions.length + filters.metrics.length + filters.tableCalculations.length > 0;

const exploreOrError = (explore: Awaited<ReturnType<ExploreService['get']>>): Explore => {
  if (isExploreError(explore)) {
    throw new TesseraError('CompileError', 422, `Explore "${explore.name}" has errors: fix the model and recompile before using it`, { errors: explore.errors });
  }
  return explore;
};

/** The `<table>_<field>` id of a dimension or metric. */
const fieldId = (field: { table: string; name: string }): string => `${field.table}_${field.name}`;

const fieldsOf = (explore: Explore): ExploreFields => {
  const tables = Object.values(explore.tables);
  return {
    dimensions: new Set(tables.flatMap((t) => Object.values(t.dimensions).map(fieldId))),
    metrics: new Set(tables.flatMap((t) => Object.values(t.metrics).map(fieldId))),
  };
};

/**
 * Running saved charts through the query engine (QueryService: project view, the user's row-level
 * security, the results cache) after the chart's own `view` check: results of the latest or an
 * older version, totals, CSV exports (CsvExportService), and the dimensions a dashboard may filter
 * the chart by. Totals and exports apply dashboard filters when a dashboard sends them.
 */
export class ChartResultsService {
  constructor(
    private readonly reader: SavedChartReader,
    private readonly history: ChartHistoryService,
    private readonly queries: QueryService,
    private readonly exports: CsvExportService,
    private readonly explores: ExploreService,
  ) {}

  async results(account: MemberAccount, chartUuid: string, invalidateCache: boolean | undefined, options: RunOptions): Promise<QueryResults> {
    const { chart, version } = await this.reader.get(account, chartUuid);
    return this.run(account, chart.projectUuid, version, invalidateCache, options);
  }

  async versionResults(account: MemberAccount, chartUuid: string, versionUuid: string, options: RunOptions): Promise<QueryResults> {
    const { loaded, version } = await this.history.load(account, chartUuid, versionUuid);
    return this.run(account, loaded.chart.projectUuid, version, undefined, options);
  }

  async total(
    account: MemberAccount,
    chartUuid: string,
    body: { invalidateCache?: boolean | undefined; dashboardFilters?: DashboardFilters | undefined },
    options: RunOptions,
  ): Promise<Record<string, unknown>> {
    const { chart, version } = await this.reader.get(account, chartUuid);
    const query = await this.withDashboardFilters(account, chart.projectUuid, version, body.dashboardFilters, undefined);
    return this.queries.total(account, chart.projectUuid, version.tableName, { ...query, invalidateCache: body.invalidateCache }, options);
  }

  /** Starts a CSV export of the chart's rows as its table shows them (column order, labels, hidden columns); returns the job id. */
  async downloadCsv(account: MemberAccount, chartUuid: string, body: CsvFromChartBody): Promise<string> {
    const { chart, version } = await this.reader.get(account, chartUuid);
    const query = await this.withDashboardFilters(account, chart.projectUuid, version, body.dashboardFilters, body.tileUuid);
    const table = version.chartConfig.type === 'table' ? version.chartConfig.config : undefined;
    const columns = (table?.columns ?? {}) as TableColumns;
    const customLabels = Object.fromEntries(
      Object.entries(columns).flatMap(([id, c]) => (typeof c?.name === 'string' && c.name !== '' ? [[id, c.name]] : [])),
    );
    return this.exports.start(account, chart.projectUuid, version.tableName, {
      ...query,
      onlyRaw: body.onlyRaw,
      // The anchor: table charts show table names as configured; other charts always do.
      showTableNames: table ? table.showTableNames === true : true,
      columnOrder: version.tableConfig.columnOrder,
      customLabels,
      hiddenFields: Object.entries(columns).flatMap(([id, c]) => (c?.visible === false ? [id] : [])),
      ...(body.csvLimit !== undefined ? { csvLimit: body.csvLimit } : {}),
      chartName: chart.name,
      // Only a table chart shows its rows pivoted; other charts export the rows unpivoted.
      ...(table && version.pivotConfig ? { pivotColumns: version.pivotConfig.columns } : {}),
    });
  }

  /** The explore's visible dimensions (all of them are filterable): what a dashboard may filter this chart by. */
  async availableFilters(account: MemberAccount, chartUuid: string): Promise<CompiledDimension[]> {
    const { chart, version } = await this.reader.get(account, chartUuid);
    const explore = exploreOrError(await this.explores.get(account, chart.projectUuid, version.tableName));
    return Object.values(explore.tables).flatMap((t) => Object.values(t.dimensions).filter((d) => !d.hidden));
  }

  private run(account: MemberAccount, projectUuid: string, version: ChartVersionRecord, invalidateCache: boolean | undefined, options: RunOptions) {
    return this.queries.run(account, projectUuid, version.tableName, { ...version.metricQuery, ...(invalidateCache !== undefined ? { invalidateCache } : {}) }, options);
  }

  private async withDashboardFilters(
    account: MemberAccount,
    projectUuid: string,
    version: ChartVersionRecord,
    filters: DashboardFilters | undefined,
    tileUuid: string | undefined,
  ): Promise<MetricQuery> {
    if (!hasRules(filters)) return version.metricQuery;
    const explore = exploreOrError(await this.explores.get(account, projectUuid, version.tableName));
    return applyDashboardFilters(version.metricQuery, filters, { tileUuid, fields: fieldsOf(explore) }).metricQuery;
  }
}
