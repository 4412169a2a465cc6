import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dashboardFiltersSchema } from '../dashboards/dashboard-schemas.js';
import { errorResponses, ok, okSchema, sendJsonText } from '../http/envelope.js';
import '../http/read-only-routes.js';
import { timingOf } from '../http/server-timing.js';
import { requireMember } from '../identity/account.js';
import { disconnectSignal } from '../query/disconnect-signal.js';
import { runQueryJson } from '../query/results-json.js';
import type { ChartResultsService } from './chart-results-service.js';
import { versionParams } from './chart-history-routes.js';
import { chartParams } from './saved-chart-routes.js';

const runQueryResults = z.object({
  metricQuery: z.record(z.string(), z.unknown()),
  cacheMetadata: z.object({ cacheHit: z.boolean(), cacheUpdatedTime: z.string().optional() }),
  fields: z.record(z.string(), z.unknown()),
  // Rows are `{fieldId: {value: {raw, formatted}}}`, written as JSON text by `runQueryJson`.
  rows: z.array(z.unknown()),
});

/** Running a chart writes no metadata (`readOnly`) and reports its phases in `Server-Timing`. */
const queryOptions = { config: { readOnly: true, serverTiming: true } } as const;

/** PostChartResults, getChartVersionResults, CalculateTotalFromSavedChart, DownloadCsvFromSavedChart, available filters. */
export const chartResultsRoutes = (app: FastifyInstance, deps: { results: ChartResultsService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { results } = deps;
  const tags = ['Charts'];

  r.post('/api/v1/saved/:chartUuid/results', {
    ...queryOptions,
    schema: {
      tags,
      operationId: 'PostChartResults',
      summary: 'Run the chart’s saved query (your row-level security and the results cache apply)',
      params: chartParams,
      body: z.object({ invalidateCache: z.boolean().optional() }).optional(),
      response: { 200: okSchema(runQueryResults), ...errorResponses },
    },
  }, async (request, reply) => {
    const timing = timingOf(request);
    const run = await results.results(requireMember(request), request.params.chartUuid, request.body?.invalidateCache, { signal: disconnectSignal(reply), timing });
    return sendJsonText(reply, timing.measureSync('json', () => runQueryJson(run)));
  });

  r.post('/api/v1/saved/:chartUuid/version/:versionUuid/results', {
    ...queryOptions,
    schema: {
      tags,
      operationId: 'getChartVersionResults',
      summary: 'Run the query of one of the chart’s versions',
      params: versionParams,
      response: { 200: okSchema(runQueryResults), ...errorResponses },
    },
  }, async (request, reply) => {
    const timing = timingOf(request);
    const { chartUuid, versionUuid } = request.params;
    const run = await results.versionResults(requireMember(request), chartUuid, versionUuid, { signal: disconnectSignal(reply), timing });
    return sendJsonText(reply, timing.measureSync('json', () => runQueryJson(run)));
  });

  r.post('/api/v1/saved/:chartUuid/calculate-total', {
    ...queryOptions,
    schema: {
      tags,
      operationId: 'CalculateTotalFromSavedChart',
      summary: 'Totals of the chart’s metrics over all its rows (with a dashboard’s filters when sent)',
      params: chartParams,
      body: z.object({ invalidateCache: z.boolean().optional(), dashboardFilters: dashboardFiltersSchema.optional() }).optional(),
      response: { 200: okSchema(z.record(z.string(), z.unknown())), ...errorResponses },
    },
  }, async (request, reply) =>
    ok(await results.total(requireMember(request), request.params.chartUuid, request.body ?? {}, { signal: disconnectSignal(reply), timing: timingOf(request) })));

  r.post('/api/v1/saved/:chartUuid/downloadCsv', {
    config: { readOnly: true },
    schema: {
      tags,
      operationId: 'DownloadCsvFromSavedChart',
      summary: 'Export the chart’s rows to CSV as its table shows them; poll GET /api/v1/csv/{jobId}',
      params: chartParams,
      body: z.object({
        csvLimit: z.number().int().min(0).nullable().optional(),
        onlyRaw: z.boolean(),
        tileUuid: z.string().max(255).optional(),
        dashboardFilters: dashboardFiltersSchema.optional(),
      }),
      response: { 200: okSchema(z.object({ jobId: z.string() })), ...errorResponses },
    },
  }, async (request) => ok({ jobId: await results.downloadCsv(requireMember(request), request.params.chartUuid, request.body) }));

  r.get('/api/v1/saved/:chartUuid/availableFilters', {
    schema: {
      tags,
      operationId: 'GetChartAvailableFilters',
      summary: 'The dimensions of the chart’s explore a dashboard may filter it by',
      params: chartParams,
      response: { 200: okSchema(z.array(z.unknown().meta({ description: 'CompiledDimension' }))), ...errorResponses },
    },
  }, async (request) => ok(await results.availableFilters(requireMember(request), request.params.chartUuid)));
};
