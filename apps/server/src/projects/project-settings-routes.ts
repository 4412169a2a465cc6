import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okEmpty, okEmptySchema, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import {
  projectParams,
  schedulerSettingsBodySchema,
  semanticLayerUpdateSchema,
  updateMetadataBodySchema,
} from './project-schemas.js';
import type { ProjectSettingsService } from './project-settings-service.js';

/** Largest manifest.json accepted (dbt manifests of big projects run to tens of megabytes). */
export const MANIFEST_MAX_BYTES = 128 * 1024 * 1024;

export const projectSettingsRoutes = (app: FastifyInstance, deps: { settings: ProjectSettingsService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { settings } = deps;
  const tags = ['Projects'];
  const emptyResponse = { 200: okEmptySchema, ...errorResponses };

  r.patch('/api/v1/projects/:projectUuid/metadata', {
    schema: {
      tags,
      operationId: 'updateProjectMetadata',
      summary: 'Set or clear (null) the upstream project',
      params: projectParams,
      body: updateMetadataBodySchema,
      response: emptyResponse,
    },
  }, async (request) => {
    await settings.updateMetadata(requireMember(request), request.params.projectUuid, request.body);
    return okEmpty();
  });

  r.patch('/api/v1/projects/:projectUuid/schedulerSettings', {
    schema: {
      tags,
      operationId: 'updateSchedulerSettings',
      summary: 'Set the time zone of the project’s scheduled deliveries (IANA name)',
      params: projectParams,
      body: schedulerSettingsBodySchema,
      response: emptyResponse,
    },
  }, async (request) => {
    await settings.updateSchedulerSettings(requireMember(request), request.params.projectUuid, request.body);
    return okEmpty();
  });

  r.patch('/api/v1/projects/:projectUuid/semantic-layer-connection', {
    schema: {
      tags,
      operationId: 'updateProjectSemanticLayerConnection',
      summary: 'Set or update the semantic layer connection (dbt Cloud or Cube); the token is stored encrypted and never returned',
      params: projectParams,
      body: semanticLayerUpdateSchema,
      response: emptyResponse,
    },
  }, async (request) => {
    await settings.updateSemanticLayer(requireMember(request), request.params.projectUuid, request.body);
    return okEmpty();
  });

  r.delete('/api/v1/projects/:projectUuid/semantic-layer-connection', {
    schema: {
      tags,
      operationId: 'deleteProjectSemanticLayerConnection',
      summary: 'Remove the semantic layer connection',
      params: projectParams,
      response: emptyResponse,
    },
  }, async (request) => {
    await settings.deleteSemanticLayer(requireMember(request), request.params.projectUuid);
    return okEmpty();
  });

  r.put('/api/v1/projects/:projectUuid/manifest', {
    bodyLimit: MANIFEST_MAX_BYTES,
    schema: {
      tags,
      operationId: 'uploadProjectManifest',
      summary: 'Upload the dbt manifest.json (the body) of a project whose dbt connection type is "manifest"',
      params: projectParams,
      body: z.record(z.string(), z.unknown()),
      response: { 200: okSchema(z.object({ projectUuid: z.string(), uploadedAt: z.iso.datetime() })), ...errorResponses },
    },
  }, async (request) => {
    const uploaded = await settings.uploadManifest(requireMember(request), request.params.projectUuid, request.body);
    return ok({ projectUuid: uploaded.projectUuid, uploadedAt: uploaded.uploadedAt.toISOString() });
  });
};
