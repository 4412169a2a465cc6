import { readFile, stat } from 'node:fs/promises';
import type { ColumnDefinition, ModelDefinition } from '@tessera/core';
import { isPlainObject, mergeMeta } from '../meta-merge.js';
import { targetDatabaseOf } from '../model-source.js';
import type { LoadDiagnostic, LoadResult, ModelSource, ModelSourceFactory } from '../model-source.js';
import { lineageOf } from './lineage.js';

/** The parts of a manifest node the loader reads (dbt manifest schema v7–v12). */
interface ManifestNode {
  resource_type?: string;
  name?: string;
  alias?: string | null;
  database?: string | null;
  schema?: string | null;
  description?: string;
  columns?: Record<string, { name?: string; description?: string; data_type?: string | null; meta?: unknown; config?: { meta?: unknown } }>;
  meta?: unknown;
  config?: { materialized?: string; enabled?: boolean; meta?: unknown; tags?: unknown };
  tags?: unknown;
  patch_path?: string | null;
  original_file_path?: string;
  depends_on?: { nodes?: unknown };
}

interface Manifest {
  metadata?: { dbt_schema_version?: string; adapter_type?: string };
  nodes?: Record<string, ManifestNode>;
}

export const OLDEST_MANIFEST = 7;
export const NEWEST_MANIFEST = 12;

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** `project://models/orders.yml` → `models/orders.yml`. */
const patchPath = (p: string | null | undefined): string | undefined => (p ? p.replace(/^[^:/]+:\/\//, '') : undefined);

/** One model node as a model definition: `meta` + `config.meta` merged (config wins), columns likewise. */
export const modelFromNode = (node: ManifestNode & { name: string }): ModelDefinition => {
  const columns: ColumnDefinition[] = Object.entries(node.columns ?? {}).map(([key, c]) => {
    const column: ColumnDefinition = { name: c.name ?? key, meta: mergeMeta(c.meta, c.config?.meta) };
    if (c.description) column.description = c.description;
    if (c.data_type) column.dataType = c.data_type;
    return column;
  });
  const configTags = stringList(node.config?.tags);
  const sqlPath = node.original_file_path;
  const model: ModelDefinition = {
    name: node.name,
    path: patchPath(node.patch_path) ?? sqlPath ?? node.name,
    relation: {
      kind: 'table',
      identifier: node.alias || node.name,
      ...(node.database ? { database: node.database } : {}),
      ...(node.schema ? { schema: node.schema } : {}),
    },
    tags: configTags.length ? configTags : stringList(node.tags),
    meta: mergeMeta(node.meta, node.config?.meta),
    columns,
    dependsOn: lineageOf(stringList(node.depends_on?.nodes)),
  };
  if (sqlPath) model.sqlPath = sqlPath;
  if (node.description) model.description = node.description;
  return model;
};

/**
 * A dbt `manifest.json` (schema v7–v12): every enabled, non-ephemeral model node. A node without
 * `config.materialized` (hand-written manifests) counts as materialized.
 */
export class DbtManifestSource implements ModelSource {
  readonly kind = 'dbt-manifest';

  constructor(readonly location: string) {}

  async load(): Promise<LoadResult> {
    const diagnostics: LoadDiagnostic[] = [];
    const file = this.location;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    } catch (e) {
      return { models: [], diagnostics: [{ severity: 'error', file, message: `cannot read the manifest: ${(e as Error).message}` }] };
    }
    const version = Number(/\/v(\d+)\.json$/.exec(manifest.metadata?.dbt_schema_version ?? '')?.[1]);
    if (!Number.isFinite(version)) {
      diagnostics.push({ severity: 'warning', file, message: 'no metadata.dbt_schema_version; reading it as a v12 manifest' });
    } else if (version < OLDEST_MANIFEST) {
      return { models: [], diagnostics: [{ severity: 'error', file, message: `manifest schema v${version} is too old: v${OLDEST_MANIFEST}–v${NEWEST_MANIFEST} are supported (dbt ≥ 1.3)` }] };
    } else if (version > NEWEST_MANIFEST) {
      diagnostics.push({ severity: 'warning', file, message: `manifest schema v${version} is newer than v${NEWEST_MANIFEST}; reading it anyway` });
    }
    const models: ModelDefinition[] = [];
    for (const node of Object.values(manifest.nodes ?? {})) {
      if (!isPlainObject(node)) continue;
      const { resource_type, name, config } = node as ManifestNode;
      if (resource_type !== 'model' || typeof name !== 'string') continue;
      if (config?.enabled === false || config?.materialized === 'ephemeral') continue;
      models.push(modelFromNode({ ...(node as ManifestNode), name }));
    }
    const adapter = manifest.metadata?.adapter_type;
    const targetDatabase = targetDatabaseOf(adapter);
    if (adapter && !targetDatabase) diagnostics.push({ severity: 'warning', file, message: `dbt adapter "${adapter}" is not supported` });
    return targetDatabase ? { models, targetDatabase, diagnostics } : { models, diagnostics };
  }
}

export const dbtManifestSourceFactory: ModelSourceFactory = {
  kind: 'dbt-manifest',
  detect: async (p) => p.endsWith('.json') && (await stat(p).catch(() => undefined))?.isFile() === true,
  create: (p) => new DbtManifestSource(p),
};
