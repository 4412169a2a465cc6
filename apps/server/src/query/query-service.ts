import {
  compileMetricQuery,
  compileTotalQuery,
  compileUnderlyingDataQuery,
  type CompiledMetricQuery,
  type MetricQuery,
  type ResultField,
} from '@tessera/core';
import type { ResultRow as WarehouseRow } from '@tessera/warehouses';
import type { MemberAccount } from '../projects/project-service.js';
import type { CachedQueryRunner } from './cached-query-runner.js';
import type { RunQueryBody } from './metric-query-schemas.js';
import { mappingQueryErrors } from './query-errors.js';
import type { QueryScope, QueryScopes } from './query-scope.js';
import { measured, type ServerTiming } from '../http/server-timing.js';

/**
 * What RunMetricQuery answers, before formatting: the rows are the warehouse's (shared with the
 * results cache, never mutated); `runQueryJson` formats them per field into the response.
 */
export type QueryResults = {
  /** The query as received (0.1411 `MetricQueryResponse`), without the run options. */
  metricQuery: Omit<RunQueryBody, 'invalidateCache' | 'csvLimit'>;
  cacheMetadata: { cacheHit: boolean; cacheUpdatedTime?: string };
  fields: Record<string, ResultField>;
  rows: readonly WarehouseRow[];
  /** The zone timestamps are shown in. */
  timezone: string;
};

/** Per request: the client's disconnect signal (cancels the warehouse query) and where to record phase times. */
export type RunOptions = { signal: AbortSignal; timing?: ServerTiming | undefined };

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

  async compile(account: MemberAccount, projectUuid: string, exploreId: string, query: MetricQuery, timing?: ServerTiming): Promise<string> {
    const scope = await this.scopes.open(account, projectUuid, exploreId, { timezone: query.timezone, timing });
    return (await this.compiled(scope, (s) => compileMetricQuery(s.explore, query, s.warehouse.dialect, s.context), timing)).sql;
  }

  run(account: MemberAccount, projectUuid: string, exploreId: string, body: RunQueryBody, options: RunOptions): Promise<QueryResults> {
    return this.results(account, projectUuid, exploreId, body, options, (s) => compileMetricQuery(s.explore, body, s.warehouse.dialect, s.context));
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
    options: RunOptions,
  ): Promise<QueryResults> {
    const { underlyingDataItemId, ...query } = body;
    return this.results(account, projectUuid, exploreId, body, options, (s) =>
      compileUnderlyingDataQuery(s.explore, { query, ...(underlyingDataItemId ? { underlyingDataItemId } : {}) }, s.warehouse.dialect, s.context),
    );
  }

  /** The query's metrics totalled over all its rows: field id → raw total. */
  async total(account: MemberAccount, projectUuid: string, exploreId: string, query: RunQueryBody, options: RunOptions): Promise<Record<string, unknown>> {
    const scope = await this.scopes.open(account, projectUuid, exploreId, { timezone: query.timezone, timing: options.timing });
    const compiled = await this.compiled(scope, (s) => compileTotalQuery(s.explore, query, s.warehouse.dialect, s.context), options.timing);
    const { rows } = await this.runner.run(scope, compiled, { ...options, invalidateCache: query.invalidateCache });
    const row = rows[0] ?? {};
    return Object.fromEntries(compiled.columns.map((id) => [id, toNumber(row[id])]));
  }

  private async results(
    account: MemberAccount,
    projectUuid: string,
    exploreId: string,
    body: RunQueryBody,
    options: RunOptions,
    compile: Compiler,
  ): Promise<QueryResults> {
    const scope = await this.scopes.open(account, projectUuid, exploreId, { timezone: body.timezone, timing: options.timing });
    const compiled = await this.compiled(scope, compile, options.timing);
    const outcome = await this.runner.run(scope, compiled, { ...options, invalidateCache: body.invalidateCache });
    const { invalidateCache: _i, csvLimit: _c, ...metricQuery } = body;
    return {
      metricQuery,
      cacheMetadata: {
        cacheHit: outcome.cacheHit,
        ...(outcome.cacheUpdatedTime ? { cacheUpdatedTime: outcome.cacheUpdatedTime.toISOString() } : {}),
      },
      fields: compiled.fields,
      rows: outcome.rows,
      timezone: scope.context.timezone ?? 'UTC',
    };
  }

  private compiled(scope: QueryScope, compile: Compiler, timing: ServerTiming | undefined): Promise<CompiledMetricQuery> {
    // Compiling is pure; the wrapper maps a value the dialect refuses to render into a 400.
    return measured(timing, 'compile', () => mappingQueryErrors(this.timeoutSeconds, async () => compile(scope)));
  }
}

/** Totals as JSON numbers (drivers give bigint or decimal text for large integers and decimals). */
const toNumber = (value: unknown): unknown => {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value ?? null;
};
