import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { ChartListingService } from './chart-listing-service.js';
import type { CustomMetricsService } from './custom-metrics-service.js';
import {
  chartSummarySchema,
  createChartSchema,
  saveVersionSchema,
  savedChartSchema,
  spaceQuerySchema,
  updateChartSchema,
  updateManyChartsSchema,
} from './chart-schemas.js';
import type { SavedChartService } from './saved-chart-service.js';

const projectParams = z.object({ projectUuid: z.uuid() });
/** A chart uuid or, where the anchor allows it, its slug. */
export const chartParams = z.object({ chartUuid: z.string().min(1).max(255) });
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Saved charts: create, read, update, new version, delete, and the project's chart listings. */
export const savedChartRoutes = (
  app: FastifyInstance,
  deps: { charts: SavedChartService; listing: ChartListingService; customMetrics: CustomMetricsService },
): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { charts, listing } = deps;
  const tags = ['Charts'];

  r.post('/api/v1/projects/:projectUuid/saved', {
    schema: {
      tags,
      operationId: 'CreateSavedChart',
      summary: 'Save a chart in a space (spaceUuid; default: the first space you may edit) or in a dashboard (dashboardUuid)',
      params: projectParams,
      body: createChartSchema,
      response: { 200: okSchema(savedChartSchema), ...errorResponses },
    },
  }, async (request) => ok(await charts.create(requireMember(request), request.params.projectUuid, request.body)));

  r.patch('/api/v1/projects/:projectUuid/saved', {
    schema: {
      tags,
      operationId: 'UpdateMultipleSavedCharts',
      summary: 'Rename, describe or move several charts at once (all or none)',
      params: projectParams,
      body: updateManyChartsSchema,
      response: { 200: okSchema(z.array(savedChartSchema)), ...errorResponses },
    },
  }, async (request) => ok(await charts.updateMany(requireMember(request), request.params.projectUuid, request.body)));

  r.get('/api/v1/saved/:chartUuid', {
    schema: {
      tags,
      operationId: 'GetSavedChart',
      summary: 'A saved chart with its latest version, by uuid or slug (`projectUuid` picks the project of a slug)',
      params: chartParams,
      querystring: z.object({ projectUuid: z.string().max(64).optional() }),
      response: { 200: okSchema(savedChartSchema), ...errorResponses },
    },
  }, async (request) => ok(await charts.get(requireMember(request), request.params.chartUuid, request.query.projectUuid)));

  r.patch('/api/v1/saved/:chartUuid', {
    schema: {
      tags,
      operationId: 'UpdateSavedChart',
      summary: 'Rename, describe or move a chart to another space (content changes: POST …/version)',
      params: chartParams,
      body: updateChartSchema,
      response: { 200: okSchema(savedChartSchema), ...errorResponses },
    },
  }, async (request) => ok(await charts.update(requireMember(request), request.params.chartUuid, request.body)));

  r.post('/api/v1/saved/:chartUuid/version', {
    schema: {
      tags,
      operationId: 'CreateSavedChartVersion',
      summary: 'Save new content (query, visualisation, table and pivot config) as the chart’s next version',
      params: chartParams,
      body: saveVersionSchema,
      response: { 200: okSchema(savedChartSchema), ...errorResponses },
    },
  }, async (request) => ok(await charts.saveVersion(requireMember(request), request.params.chartUuid, request.body)));

  r.delete('/api/v1/saved/:chartUuid', {
    schema: {
      tags,
      operationId: 'DeleteSavedChart',
      summary: 'Delete a chart and its versions',
      params: chartParams,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await charts.delete(requireMember(request), request.params.chartUuid);
    return okEmpty();
  });

  r.get('/api/v1/projects/:projectUuid/charts', {
    schema: {
      tags: ['Projects'],
      operationId: 'ListChartsInProject',
      summary: 'The charts of a project you may see (charts saved in dashboards are left out)',
      params: projectParams,
      response: { 200: okSchema(z.array(spaceQuerySchema)), ...errorResponses },
    },
  }, async (request) => ok(await listing.list(requireMember(request), request.params.projectUuid)));

  r.get('/api/v1/projects/:projectUuid/chart-summaries', {
    schema: {
      tags: ['Projects'],
      operationId: 'ListChartSummariesInProject',
      summary: 'Summaries of the charts of a project you may see',
      params: projectParams,
      querystring: z.object({ excludeChartsSavedInDashboard: booleanQuery.optional() }),
      response: { 200: okSchema(z.array(chartSummarySchema)), ...errorResponses },
    },
  }, async (request) =>
    ok(await listing.summaries(requireMember(request), request.params.projectUuid, request.query.excludeChartsSavedInDashboard ?? false)));
  r.get('/api/v1/projects/:projectUuid/custom-metrics', {
    schema: {
      tags: ['Projects'],
      operationId: 'getCustomMetrics',
      summary: 'Custom metrics used in the project’s saved charts',
      params: projectParams,
      response: {
        200: okSchema(z.array(z.object({ name: z.string(), label: z.string(), modelName: z.string(), yml: z.string(), chartLabel: z.string(), chartUrl: z.string() }))),
        ...errorResponses,
      },
    },
  }, async (request) => ok(await deps.customMetrics.list(requireMember(request), request.params.projectUuid)));
};
