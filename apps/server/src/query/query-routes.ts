import { DIMENSION_TYPES } from '@tessera/core';
import type { FastifyInstance } from 'fastify';
import '../http/read-only-routes.js';
import { timingOf } from '../http/server-timing.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okSchema, sendJsonText } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import { disconnectSignal } from './disconnect-signal.js';
import { calculateTotalSchema, metricQueryRequestSchema, metricQuerySchema, sqlQuerySchema } from './metric-query-schemas.js';
import type { QueryService } from './query-service.js';
import { runQueryJson } from './results-json.js';
import type { SqlQueryService } from './sql-query-service.js';

const projectParams = z.object({ projectUuid: z.uuid() });
const exploreParams = projectParams.extend({ exploreId: z.string().min(1).max(1024) });

const runQueryResults = z.object({
  metricQuery: z.record(z.string(), z.unknown()),
  cacheMetadata: z.object({ cacheHit: z.boolean(), cacheUpdatedTime: z.string().optional() }),
  fields: z.record(z.string(), z.unknown()),
  // Rows are `{fieldId: {value: {raw, formatted}}}`, written as JSON text by `runQueryJson`.
  rows: z.array(z.unknown()),
});

const underlyingBodySchema = z.intersection(
  metricQueryRequestSchema,
  z.object({ underlyingDataItemId: z.string().min(1).max(1024).optional() }),
);

/**
 * The query routes only read (`readOnly`: a POST here does not clear the per-node metadata caches
 * the way a write does), and say where their time went in a `Server-Timing` header.
 */
const routeOptions = { config: { readOnly: true, serverTiming: true } } as const;

/** Thin routes over the query services: one call each, errors mapped at the edge. */
export const queryRoutes = (
  app: FastifyInstance,
  deps: { queries: QueryService; sql: SqlQueryService },
): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/projects/:projectUuid/explores/:exploreId/compileQuery', {
    ...routeOptions,
    schema: {
      tags: ['Projects'],
      operationId: 'CompileQuery',
      summary: 'The SQL a metric query compiles to on this project’s warehouse (not run)',
      params: exploreParams,
      body: metricQuerySchema,
      response: { 200: okSchema(z.string()), ...errorResponses },
    },
  }, async (request) => {
    const { projectUuid, exploreId } = request.params;
    return ok(await deps.queries.compile(requireMember(request), projectUuid, exploreId, request.body, timingOf(request)));
  });

  r.post('/api/v1/projects/:projectUuid/explores/:exploreId/runQuery', {
    ...routeOptions,
    schema: {
      tags: ['Exploring'],
      operationId: 'RunMetricQuery',
      summary: 'Run a metric query; `invalidateCache: true` (Tessera) bypasses and refreshes the results cache',
      params: exploreParams,
      body: metricQueryRequestSchema,
      response: { 200: okSchema(runQueryResults), ...errorResponses },
    },
  }, async (request, reply) => {
    const { projectUuid, exploreId } = request.params;
    const timing = timingOf(request);
    const results = await deps.queries.run(requireMember(request), projectUuid, exploreId, request.body, { signal: disconnectSignal(reply), timing });
    return sendJsonText(reply, timing.measureSync('json', () => runQueryJson(results)));
  });

  r.post('/api/v1/projects/:projectUuid/explores/:exploreId/runUnderlyingDataQuery', {
    ...routeOptions,
    schema: {
      tags: ['Exploring'],
      operationId: 'postRunUnderlyingDataQuery',
      summary: 'The rows behind a metric query (its dimension filters apply); `underlyingDataItemId` (Tessera) picks a metric’s show_underlying_values',
      params: exploreParams,
      body: underlyingBodySchema,
      response: { 200: okSchema(runQueryResults), ...errorResponses },
    },
  }, async (request, reply) => {
    const { projectUuid, exploreId } = request.params;
    const timing = timingOf(request);
    const results = await deps.queries.runUnderlying(requireMember(request), projectUuid, exploreId, request.body, { signal: disconnectSignal(reply), timing });
    return sendJsonText(reply, timing.measureSync('json', () => runQueryJson(results)));
  });

  r.post('/api/v1/projects/:projectUuid/calculate-total', {
    ...routeOptions,
    schema: {
      tags: ['Projects'],
      operationId: 'CalculateTotalFromQuery',
      summary: 'Totals of a metric query’s metrics over all its rows',
      params: projectParams,
      body: calculateTotalSchema,
      response: { 200: okSchema(z.record(z.string(), z.unknown())), ...errorResponses },
    },
  }, async (request, reply) => {
    const { explore, metricQuery } = request.body;
    const options = { signal: disconnectSignal(reply), timing: timingOf(request) };
    return ok(await deps.queries.total(requireMember(request), request.params.projectUuid, explore, metricQuery, options));
  });

  r.post('/api/v1/projects/:projectUuid/sqlQuery', {
    ...routeOptions,
    schema: {
      tags: ['Exploring', 'Projects'],
      operationId: 'RunSqlQuery',
      summary: 'Run raw SQL on the project’s warehouse (developers and admins)',
      params: projectParams,
      body: sqlQuerySchema,
      response: {
        200: okSchema(z.object({ rows: z.array(z.record(z.string(), z.unknown())), fields: z.record(z.string(), z.object({ type: z.enum(DIMENSION_TYPES) })) })),
        ...errorResponses,
      },
    },
  }, async (request, reply) =>
    ok(await deps.sql.run(requireMember(request), request.params.projectUuid, request.body.sql, { signal: disconnectSignal(reply), timing: timingOf(request) })));

};
