import { PROJECT_ROLES } from '@tessera/core';
import { z } from 'zod';
import { dbtConnectionSchema, publicDbtConnectionSchema } from './dbt-connection-schemas.js';
import type { ProjectView } from './project-vault.js';
import { publicWarehouseConnectionSchema, warehouseConnectionSchema } from './warehouse-connection-schemas.js';

/** Zod shapes of the spec's project components and request bodies, and the mapper to `Project`. */

export const DBT_VERSIONS = ['v1.4', 'v1.5', 'v1.6', 'v1.7', 'v1.8'] as const;
export const DEFAULT_DBT_VERSION = 'v1.8';
export const projectTypeSchema = z.enum(['DEFAULT', 'PREVIEW']);
export const projectRoleSchema = z.enum(PROJECT_ROLES);

const name = z.string().trim().min(1).max(255);
const dbtVersion = z.enum(DBT_VERSIONS);
/**
 * Tessera's addition to the spec's project: how long this project's query results are served from
 * the results cache, in seconds (0: never cached; null: the server's TESSERA_RESULTS_CACHE_TTL_SECONDS).
 */
const resultsCacheTtlSeconds = z.number().int().min(0).max(30 * 86_400).nullable();

export const projectSchema = z
  .object({
    organizationUuid: z.string(),
    projectUuid: z.string(),
    name: z.string(),
    type: projectTypeSchema,
    dbtConnection: publicDbtConnectionSchema,
    warehouseConnection: publicWarehouseConnectionSchema.optional(),
    dbtVersion,
    upstreamProjectUuid: z.string().optional(),
    schedulerTimezone: z.string(),
    createdByUserUuid: z.string().nullable(),
    pinnedListUuid: z.string().optional(),
    resultsCacheTtlSeconds,
  })
  .meta({ id: 'Project' });

export const toProjectDto = (p: ProjectView): z.infer<typeof projectSchema> => ({
  organizationUuid: p.organizationUuid,
  projectUuid: p.projectUuid,
  name: p.name,
  type: p.type,
  dbtConnection: p.dbtConnection,
  ...(p.warehouseConnection ? { warehouseConnection: p.warehouseConnection } : {}),
  dbtVersion: p.dbtVersion,
  ...(p.upstreamProjectUuid ? { upstreamProjectUuid: p.upstreamProjectUuid } : {}),
  schedulerTimezone: p.schedulerTimezone,
  createdByUserUuid: p.createdByUserUuid,
  ...(p.pinnedListUuid ? { pinnedListUuid: p.pinnedListUuid } : {}),
  resultsCacheTtlSeconds: p.resultsCacheTtlSeconds,
});

export const createProjectBodySchema = z
  .object({
    name,
    type: projectTypeSchema.default('DEFAULT'),
    dbtConnection: dbtConnectionSchema,
    warehouseConnection: warehouseConnectionSchema,
    upstreamProjectUuid: z.guid().nullable().optional(),
    dbtVersion: dbtVersion.optional(),
    resultsCacheTtlSeconds: resultsCacheTtlSeconds.optional(),
  })
  .meta({ id: 'CreateProject' });
export type CreateProjectInput = z.infer<typeof createProjectBodySchema>;

/**
 * Every field optional: what is left out is kept. Extra fields of a re-posted `Project` (uuids,
 * type, upstreamProjectUuid, schedulerTimezone…) are ignored; they have their own operations.
 */
export const updateProjectBodySchema = z.object({
  name: name.optional(),
  dbtConnection: dbtConnectionSchema.optional(),
  warehouseConnection: warehouseConnectionSchema.optional(),
  dbtVersion: dbtVersion.optional(),
  resultsCacheTtlSeconds: resultsCacheTtlSeconds.optional(),
});
export type UpdateProjectInput = z.infer<typeof updateProjectBodySchema>;

export const createPreviewBodySchema = z.object({ name, copyContent: z.boolean() });

export const updateMetadataBodySchema = z.object({ upstreamProjectUuid: z.guid().nullable().optional() });

export const schedulerSettingsBodySchema = z.object({ schedulerTimezone: z.string().trim().min(1).max(255) });

const slText = z.string().trim().min(1).max(2048).optional();
export const semanticLayerUpdateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('DBT'), environmentId: slText, domain: slText, token: z.string().min(1).max(8192).optional() }),
  z.object({ type: z.literal('CUBE'), domain: slText, token: z.string().min(1).max(8192).optional() }),
]);
export type SemanticLayerUpdate = z.infer<typeof semanticLayerUpdateSchema>;

export const projectParams = z.object({ projectUuid: z.guid() });
