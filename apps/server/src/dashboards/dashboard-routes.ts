import { ParameterError } from '@tessera/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import { dashboardSchema, dashboardSummarySchema } from './dashboard-dto.js';
import { createDashboardSchema, duplicateDashboardSchema, updateDashboardSchema, updateDashboardsSchema } from './dashboard-schemas.js';
import type { DashboardService } from './dashboard-service.js';

const projectParams = z.object({ projectUuid: z.guid() });
const dashboardParams = z.object({ dashboardUuidOrSlug: z.string().min(1).max(255) });
const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Thin routes over DashboardService: one call each. */
export const dashboardRoutes = (app: FastifyInstance, deps: { dashboards: DashboardService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { dashboards } = deps;

  r.get('/api/v1/projects/:projectUuid/dashboards', {
    schema: {
      tags: ['Projects'],
      operationId: 'getDashboards',
      summary: 'The project’s dashboards in spaces you may view (`includePrivate=false` leaves out private spaces)',
      params: projectParams,
      querystring: z.object({ includePrivate: booleanFlag.optional() }),
      response: { 200: okSchema(z.array(dashboardSummarySchema)), ...errorResponses },
    },
  }, async (request) =>
    ok(await dashboards.list(requireMember(request), request.params.projectUuid.toLowerCase(), { includePrivate: request.query.includePrivate ?? true })));

  r.post('/api/v1/projects/:projectUuid/dashboards', {
    schema: {
      tags: ['Projects'],
      operationId: 'createDashboard',
      summary: 'Creates a dashboard (in `spaceUuid`, else the first space you can edit); `?duplicateFrom=<uuid>` copies one',
      params: projectParams,
      querystring: z.object({ duplicateFrom: z.string().min(1).max(255).optional() }),
      body: z.union([createDashboardSchema, duplicateDashboardSchema]),
      response: { 201: okSchema(dashboardSchema), ...errorResponses },
    },
  }, async (request, reply) => {
    const account = requireMember(request);
    const projectUuid = request.params.projectUuid.toLowerCase();
    const { duplicateFrom } = request.query;
    const body = request.body;
    if (duplicateFrom !== undefined) {
      if (!('dashboardName' in body)) throw new ParameterError('With ?duplicateFrom the body is {dashboardName, dashboardDesc}');
      return reply.status(201).send(ok(await dashboards.duplicate(account, projectUuid, duplicateFrom, body)));
    }
    if (!('tiles' in body)) throw new ParameterError('A new dashboard needs {name, tiles, tabs}; to copy one, add ?duplicateFrom=<dashboard uuid>');
    return reply.status(201).send(ok(await dashboards.create(account, projectUuid, body)));
  });

  r.patch('/api/v1/projects/:projectUuid/dashboards', {
    schema: {
      tags: ['Projects'],
      operationId: 'updateDashboards',
      summary: 'Renames and moves several dashboards at once (all or none)',
      params: projectParams,
      body: updateDashboardsSchema,
      response: { 200: okSchema(z.array(dashboardSchema)), ...errorResponses },
    },
  }, async (request) => ok(await dashboards.updateMany(requireMember(request), request.params.projectUuid.toLowerCase(), request.body)));

  r.get('/api/v1/dashboards/:dashboardUuidOrSlug', {
    schema: {
      tags: ['Dashboards'],
      operationId: 'getDashboard',
      summary: 'A dashboard by uuid or slug (a slug used in several projects needs `?projectUuid=`); counts a view',
      params: dashboardParams,
      querystring: z.object({ projectUuid: z.guid().optional() }),
      response: { 200: okSchema(dashboardSchema), ...errorResponses },
    },
  }, async (request) => ok(await dashboards.get(requireMember(request), request.params.dashboardUuidOrSlug, request.query.projectUuid)));

  r.patch('/api/v1/dashboards/:dashboardUuidOrSlug', {
    schema: {
      tags: ['Dashboards'],
      operationId: 'updateDashboard',
      summary: 'Updates details (name, description, spaceUuid) and/or tiles, filters, tabs, config, parameters (a new version)',
      params: dashboardParams,
      body: updateDashboardSchema,
      response: { 200: okSchema(dashboardSchema), ...errorResponses },
    },
  }, async (request) => ok(await dashboards.update(requireMember(request), request.params.dashboardUuidOrSlug, request.body)));

  r.delete('/api/v1/dashboards/:dashboardUuidOrSlug', {
    schema: {
      tags: ['Dashboards'],
      operationId: 'deleteDashboard',
      summary: 'Deletes a dashboard with its tiles and the charts saved in it',
      params: dashboardParams,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await dashboards.delete(requireMember(request), request.params.dashboardUuidOrSlug);
    return okEmpty();
  });
};
