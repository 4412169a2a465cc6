import { TesseraError } from '@tessera/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { CompiledExplore } from './explore-repository.js';
import type { ExploreService } from './explore-service.js';

const projectParams = z.object({ projectUuid: z.uuid() });
// Explores are the compiler's output in the spec's `Explore` shape (validated by the compiler's tests).
const exploreSchema = z.record(z.string(), z.unknown()).meta({ id: 'Explore' });
const summarySchema = z
  .object({
    name: z.string(),
    label: z.string(),
    tags: z.array(z.string()),
    groupLabel: z.string().optional(),
    type: z.string().optional(),
    databaseName: z.string().optional(),
    schemaName: z.string().optional(),
    description: z.string().optional(),
    errors: z.array(z.object({ type: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'SummaryExplore' });
const tableSelectionSchema = z.object({
  type: z.enum(['ALL_TABLES', 'WITH_TAGS', 'WITH_NAMES']),
  value: z.array(z.string().min(1)).nullable(),
});

const summary = (e: CompiledExplore): z.infer<typeof summarySchema> => {
  const base = { name: e.name, label: e.label, tags: e.tags ?? [], ...(e.groupLabel ? { groupLabel: e.groupLabel } : {}), ...(e.type ? { type: e.type } : {}) };
  if ('errors' in e && e.errors) return { ...base, errors: e.errors.map((x) => ({ type: x.type, message: x.message })) };
  const table = 'tables' in e ? e.tables[e.baseTable] : undefined;
  return {
    ...base,
    databaseName: table?.database ?? '',
    schemaName: table?.schema ?? '',
    ...(table?.description ? { description: table.description } : {}),
  };
};

export const exploreRoutes = (app: FastifyInstance, deps: { explores: ExploreService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Projects'];

  r.put('/api/v1/projects/:projectUuid/explores', {
    schema: {
      tags,
      operationId: 'SetExplores',
      summary: 'Replace the project explores (how a CLI deploys compiled explores)',
      params: projectParams,
      body: z.array(z.object({ name: z.string().min(1) }).passthrough()).max(100_000),
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await deps.explores.set(requireMember(request), request.params.projectUuid, request.body);
    return okEmpty();
  });

  r.get('/api/v1/projects/:projectUuid/explores', {
    schema: { tags, operationId: 'GetExplores', params: projectParams, response: { 200: okSchema(z.array(summarySchema)), ...errorResponses } },
  }, async (request) => ok((await deps.explores.list(requireMember(request), request.params.projectUuid)).map(summary)));

  r.get('/api/v1/projects/:projectUuid/explores/:exploreId', {
    schema: {
      tags,
      operationId: 'GetExplore',
      params: projectParams.extend({ exploreId: z.string().min(1).max(1024) }),
      response: { 200: okSchema(exploreSchema), ...errorResponses },
    },
  }, async (request) => {
    const explore = await deps.explores.get(requireMember(request), request.params.projectUuid, request.params.exploreId);
    if ('errors' in explore && explore.errors) {
      throw new TesseraError('CompileError', 422, `Explore "${explore.name}" has errors: fix the model and recompile`, { errors: explore.errors });
    }
    return ok(explore as unknown as Record<string, unknown>);
  });

  r.post('/api/v1/projects/:projectUuid/refresh', {
    schema: {
      tags,
      summary: 'Recompile the project explores from its model source; poll GET /api/v1/jobs/{jobUuid}',
      params: projectParams,
      response: { 200: okSchema(z.object({ jobUuid: z.string() })), ...errorResponses },
    },
  }, async (request) => ok({ jobUuid: await deps.explores.refresh(requireMember(request), request.params.projectUuid) }));

  r.get('/api/v1/projects/:projectUuid/tablesConfiguration', {
    schema: { tags, params: projectParams, response: { 200: okSchema(z.object({ projectUuid: z.string(), tableSelection: tableSelectionSchema })), ...errorResponses } },
  }, async (request) => {
    const { projectUuid } = request.params;
    return ok({ projectUuid, tableSelection: await deps.explores.tableSelection(requireMember(request), projectUuid) });
  });

  r.patch('/api/v1/projects/:projectUuid/tablesConfiguration', {
    schema: {
      tags,
      params: projectParams,
      body: z.object({ tableSelection: tableSelectionSchema }),
      response: { 200: okSchema(z.object({ projectUuid: z.string(), tableSelection: tableSelectionSchema })), ...errorResponses },
    },
  }, async (request) => {
    const { projectUuid } = request.params;
    const tableSelection = await deps.explores.updateTableSelection(requireMember(request), projectUuid, request.body.tableSelection);
    return ok({ projectUuid, tableSelection });
  });
};
