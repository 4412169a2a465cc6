import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../identity/account.js';
import { partsFor, type LookerDashboardReader } from './looker-dashboard-reader.js';
import { lookerDashboardBodySchema, prefetchBodySchema, prefetchFiltersParam, searchQuerySchema } from './looker-dashboard-schemas.js';
import type { LookerDashboardSearch } from './looker-dashboard-search.js';
import type { LookerDashboardService } from './looker-dashboard-service.js';
import { selectFields } from './looker-fields.js';
import type { LookerLookmlService } from './looker-lookml-service.js';
import type { LookerPrefetchService } from './looker-prefetch-service.js';

const fieldsQuery = z.object({ fields: z.string().max(2000).optional() });
const dashboardParams = z.object({ dashboard_id: z.string().min(1).max(1024) });

/** Thin routes of the Dashboard tag: one service call each, then the `fields=` selection. */
export const lookerDashboardRoutes = (
  app: FastifyInstance,
  deps: { reader: LookerDashboardReader; writer: LookerDashboardService; search: LookerDashboardSearch; prefetch: LookerPrefetchService; lookml: LookerLookmlService },
): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { reader, writer, search, prefetch, lookml } = deps;

  r.get('/dashboards', { schema: { hide: true, querystring: fieldsQuery } }, async (request) =>
    selectFields(await search.all(requireMember(request)), request.query.fields));

  r.get('/dashboards/search', { schema: { hide: true, querystring: searchQuerySchema } }, async (request) =>
    selectFields(await search.search(requireMember(request), request.query), request.query.fields));

  r.post('/dashboards', { schema: { hide: true, body: lookerDashboardBodySchema } }, async (request) =>
    writer.create(requireMember(request), request.body));

  r.get('/dashboards/:dashboard_id', { schema: { hide: true, params: dashboardParams, querystring: fieldsQuery } }, async (request) =>
    selectFields(await reader.get(requireMember(request), request.params.dashboard_id, partsFor(request.query.fields)), request.query.fields));

  r.patch('/dashboards/:dashboard_id', { schema: { hide: true, params: dashboardParams, body: lookerDashboardBodySchema } }, async (request) =>
    writer.update(requireMember(request), request.params.dashboard_id, request.body));

  r.get('/dashboards/:dashboard_id/prefetch', { schema: { hide: true, params: dashboardParams, querystring: z.object({ dashboard_filters: prefetchFiltersParam.optional() }) } }, async (request) =>
    prefetch.prefetch(requireMember(request), request.params.dashboard_id, request.query.dashboard_filters ?? []));

  r.post('/dashboards/:dashboard_id/prefetch', { schema: { hide: true, params: dashboardParams, body: prefetchBodySchema } }, async (request) => {
    const values = request.body.dashboard_filters ?? [];
    const report = await prefetch.prefetch(requireMember(request), request.params.dashboard_id, values, request.body.ttl ?? null);
    return { ...report, dashboard_filters: values.map((v) => ({ can: {}, name: v.name ?? null, value: v.value ?? null })), access_filters: [] };
  });

  // The LookML dashboard id (`<model>::<name>`) sits where other routes have dashboard_id (one router parameter name per position).
  r.post('/dashboards/:dashboard_id/import/:space_id', {
    schema: { hide: true, params: dashboardParams.extend({ space_id: z.string().min(1).max(255) }), querystring: z.object({ raw_locale: z.string().optional() }), body: lookerDashboardBodySchema.optional() },
  }, async (request) => lookml.importDashboard(requireMember(request), request.params.dashboard_id, request.params.space_id, request.body));

  r.patch('/dashboards/:dashboard_id/sync', {
    schema: { hide: true, params: dashboardParams, querystring: z.object({ raw_locale: z.string().optional() }), body: lookerDashboardBodySchema.optional() },
  }, async (request) => lookml.sync(requireMember(request), request.params.dashboard_id, request.body));

  r.delete('/dashboards/:dashboard_id', { schema: { hide: true, params: dashboardParams } }, async (request, reply) => {
    await writer.delete(requireMember(request), request.params.dashboard_id);
    return reply.status(204).send();
  });
};
