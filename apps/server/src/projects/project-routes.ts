import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import {
  createPreviewBodySchema,
  createProjectBodySchema,
  projectParams,
  projectSchema,
  toProjectDto,
  updateProjectBodySchema,
} from './project-schemas.js';
import type { ProjectService } from './project-service.js';

export const projectRoutes = (app: FastifyInstance, deps: { projects: ProjectService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { projects } = deps;
  const tags = ['Projects'];

  r.post('/api/v1/org/projects', {
    schema: {
      tags,
      operationId: 'createProject',
      summary: 'Create a project in your organization (DEFAULT: admins; PREVIEW: developers). You become its admin.',
      body: createProjectBodySchema,
      response: { 200: okSchema(projectSchema), ...errorResponses },
    },
  }, async (request) => ok(toProjectDto(await projects.create(requireMember(request), request.body))));

  r.get('/api/v1/projects/:projectUuid', {
    schema: {
      tags,
      operationId: 'GetProject',
      summary: 'Get a project, its connections without secrets',
      params: projectParams,
      response: { 200: okSchema(projectSchema), ...errorResponses },
    },
  }, async (request) => ok(toProjectDto(await projects.get(requireMember(request), request.params.projectUuid))));

  r.patch('/api/v1/projects/:projectUuid', {
    schema: {
      tags,
      operationId: 'updateProject',
      summary: 'Update a project: name, dbt connection, warehouse connection (secrets left out are kept), dbt version',
      params: projectParams,
      body: updateProjectBodySchema,
      response: { 200: okSchema(projectSchema), ...errorResponses },
    },
  }, async (request) =>
    ok(toProjectDto(await projects.update(requireMember(request), request.params.projectUuid, request.body))));

  r.delete('/api/v1/org/projects/:projectUuid', {
    schema: {
      tags,
      operationId: 'deleteProject',
      summary: 'Delete a project (admins; developers: the previews they created)',
      params: projectParams,
      response: { 200: okEmptySchema, ...errorResponses },
    },
  }, async (request) => {
    await projects.delete(requireMember(request), request.params.projectUuid);
    return okEmpty();
  });

  r.post('/api/v1/projects/:projectUuid/createPreview', {
    schema: {
      tags,
      operationId: 'createPreview',
      summary: 'Create a preview project with the settings and connections of this one; returns its uuid',
      params: projectParams,
      body: createPreviewBodySchema,
      response: { 200: okSchema(z.string()), ...errorResponses },
    },
  }, async (request) => ok(await projects.createPreview(requireMember(request), request.params.projectUuid, request.body)));
};
