import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { ChartHistoryService } from './chart-history-service.js';
import { chartVersionSchema, versionSummarySchema } from './chart-schemas.js';
import { chartParams } from './saved-chart-routes.js';

export const versionParams = chartParams.extend({ versionUuid: z.guid() });

/** GetChartHistory, GetChartVersion, postChartVersionRollback. */
export const chartHistoryRoutes = (app: FastifyInstance, deps: { history: ChartHistoryService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { history } = deps;
  const tags = ['Charts'];

  r.get('/api/v1/saved/:chartUuid/history', {
    schema: {
      tags,
      operationId: 'GetChartHistory',
      summary: 'The chart’s versions of the last 30 days (and always its latest), newest first',
      params: chartParams,
      response: { 200: okSchema(z.object({ history: z.array(versionSummarySchema) })), ...errorResponses },
    },
  }, async (request) => ok(await history.history(requireMember(request), request.params.chartUuid)));

  r.get('/api/v1/saved/:chartUuid/version/:versionUuid', {
    schema: {
      tags,
      operationId: 'GetChartVersion',
      summary: 'One version of the chart, with the chart as it was saved then',
      params: versionParams,
      response: { 200: okSchema(chartVersionSchema), ...errorResponses },
    },
  }, async (request) => ok(await history.version(requireMember(request), request.params.chartUuid, request.params.versionUuid)));

  r.post('/api/v1/saved/:chartUuid/rollback/:versionUuid', {
    schema: {
      tags,
      operationId: 'postChartVersionRollback',
      summary: 'Save an older version’s content as the chart’s next version',
      params: versionParams,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await history.rollback(requireMember(request), request.params.chartUuid, request.params.versionUuid);
    return okEmpty();
  });
};
