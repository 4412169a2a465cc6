import {
  compileMetricQuery,
  compileTotalQuery,
  compileUnderlyingDataQuery,
  formatRows,
  type CompiledMetricQuery,
  type MetricQuery,
  type ResultField,
  type ResultRow,
} from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import type { CachedQueryRunner } from './cached-query-runner.js';
import type { RunQueryBody } from './metric-query-schemas.js';
import { mappingQueryErrors } from './query-errors.js';
import type { QueryScope, QueryScopes } from './query-scope.js';

export type QueryResults = {
  /** The query as received (0.1411 `MetricQueryResponse`), without the run options. */
  metricQuery: Omit<RunQueryBody, 'invalidateCache' | 'csvLimit'>;
  cacheMetadata: { cacheHit: boolean; cacheUpdatedTime?: string };
  fields: Record<string, ResultField>;
  rows: ResultRow[];
};

type Compiler = (scope: QueryScope) => CompiledMetricQuery;

/**
 * Metric queries on a project's explores: compile only, run (results, underlying rows) and totals.
 * Each opens a scope (view permission, explore, warehouse, user context), compiles purely, runs
 * through the results cache and formats the rows per field.
 */
export class QueryService {
  constructor(
    private readonly scopes: QueryScopes,
    private readonly runner: CachedQueryRunner,
    private readonly timeoutSeconds: number,
  ) {}

  async compile(account: MemberAccount, projectUuid: string, exploreId: string, query: MetricQuery): Promise<string> {
    const scope = await this.scopes.open(account, projectUuid, exploreId, { timezone: query.timezone });
    return (await this.compiled(scope, (s) => compileMetricQuery(s.explore, query, s.warehouse.dialect, s.context))).sql;
  }

  run(account: MemberAccount, projectUuid: string, exploreId: string, body: RunQueryBody, signal: AbortSignal): Promise<QueryResults> {
    return this.results(account, projectUuid, exploreId, body, signal, (s) => compileMetricQuery(s.explore, body, s.warehouse.dialect, s.context));
  }

  /**
   * The rows behind a query: the body is the query whose rows to show (0.1411 sends a
   * MetricQueryRequest); `underlyingDataItemId` (Tessera) names a clicked metric whose
   * `show_underlying_values` pick the columns.
   */
  runUnderlying(
    account: MemberAccount,
    projectUuid: string,
    exploreId: string,
    body: RunQueryBody & { underlyingDataItemId?: string | undefined },
    signal: AbortSignal,
  ): Promise<QueryResults> {
    const { underlyingDataItemId, ...query } = body;
    return this.results(account, projectUuid, exploreId, body, signal, (s) =>
      compileUnderlyingDataQuery(s.explore, { query, ...(underlyingDataItemId ? { underlyingDataItemId } : {}) }, s.warehouse.dialect, s.context),
    );
  }

  /** The query's metrics totalled over all its rows: field id → raw total. */
  async total(account: MemberAccount, projectUuid: string, exploreId: string, query: RunQueryBody, signal: AbortSignal): Promise<Record<string, unknown>> {
    const scope = await this.scopes.open(account, projectUuid, exploreId, { timezone: query.timezone });
    const compiled = await this.compiled(scope, (s) => compileTotalQuery(s.explore, query, s.warehouse.dialect, s.context));
    const { rows } = await this.runner.run(scope, compiled.sql, { signal, invalidateCache: query.invalidateCache });
    const row = rows[0] ?? {};
    return Object.fromEntries(compiled.columns.map((id) => [id, toNumber(row[id])]));
  }

  private async results(
    account: MemberAccount,
    projectUuid: string,
    exploreId: string,
    body: RunQueryBody,
    signal: AbortSignal,
    compile: Compiler,
  ): Promise<QueryResults> {
    const scope = await this.scopes.open(account, projectUuid, exploreId, { timezone: body.timezone });
    const compiled = await this.compiled(scope, compile);
    const outcome = await this.runner.run(scope, compiled.sql, { signal, invalidateCache: body.invalidateCache });
    const { invalidateCache: _i, csvLimit: _c, ...metricQuery } = body;
    return {
      metricQuery,
      cacheMetadata: {
        cacheHit: outcome.cacheHit,
        ...(outcome.cacheUpdatedTime ? { cacheUpdatedTime: outcome.cacheUpdatedTime.toISOString() } : {}),
      },
      fields: compiled.fields,
      rows: formatRows(outcome.rows, compiled.fields, { timezone: scope.context.timezone ?? 'UTC' }),
    };
  }

  private compiled(scope: QueryScope, compile: Compiler): Promise<CompiledMetricQuery> {
    // Compiling is pure; the wrapper maps a value the dialect refuses to render into a 400.
    return mappingQueryErrors(this.timeoutSeconds, async () => compile(scope));
  }
}

/** Totals as JSON numbers (drivers give bigint or decimal text for large integers and decimals). */
const toNumber = (value: unknown): unknown => {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value ?? null;
};
