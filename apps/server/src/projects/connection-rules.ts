import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ParameterError, ValidateError } from '@tessera/core';
import { isNetworkDbtType, type DbtConnection, type DbtConnectionInput } from './dbt-connection-schemas.js';
import { missingSecrets, warehouseSecrets, type WarehouseConnection } from './warehouse-connection-schemas.js';

/**
 * The rules a connection must follow beyond its schema. `supportedDbtConnection` and
 * `completeWarehouseConnection` look at the request only; `assertDbtProjectDir` reads the disk, so
 * services call it only after the permission check (nobody may probe the server's files).
 */

export const supportedDbtConnection = (input: DbtConnectionInput): DbtConnection => {
  if (isNetworkDbtType(input.type)) {
    throw new ParameterError(
      `dbt connection type "${input.type}" needs network access, not available in this installation: use "dbt" (a project directory on the server), "lookml" (a LookML project directory on the server), "manifest" (an uploaded manifest.json) or "none"`,
      { dbtConnectionType: input.type },
    );
  }
  return input as DbtConnection;
};

/**
 * A local dbt project: an absolute path to a directory holding dbt_project.yml; a LookML project:
 * an absolute path to a directory holding *.model.lkml or *.view.lkml files.
 */
export const assertDbtProjectDir = async (connection: DbtConnection): Promise<void> => {
  if (connection.type === 'lookml') return assertLookmlProjectDir(connection.project_dir);
  if (connection.type !== 'dbt') return;
  const dir = connection.project_dir;
  if (!path.isAbsolute(dir)) {
    throw new ParameterError(`dbtConnection.project_dir must be an absolute path on the server, got "${dir}"`);
  }
  const isDirectory = await stat(dir).then((s) => s.isDirectory(), () => false);
  const hasProjectFile = isDirectory && (await stat(path.join(dir, 'dbt_project.yml')).then((s) => s.isFile(), () => false));
  if (!hasProjectFile) {
    throw new ParameterError(`dbtConnection.project_dir "${dir}" is not a dbt project directory on the server (no dbt_project.yml)`);
  }
};

const assertLookmlProjectDir = async (dir: string): Promise<void> => {
  if (!path.isAbsolute(dir)) {
    throw new ParameterError(`dbtConnection.project_dir must be an absolute path on the server, got "${dir}"`);
  }
  // The loaders load on first use, not at server start.
  const { lookmlSourceFactory } = await import('@tessera/models');
  if (!(await lookmlSourceFactory.detect(dir))) {
    throw new ParameterError(`dbtConnection.project_dir "${dir}" is not a LookML project directory on the server (no *.model.lkml or *.view.lkml files)`);
  }
};

/**
 * The connection to store: with the same warehouse type as the stored one, secrets left out are
 * kept (so re-posting what GET returned works); otherwise every required secret must be sent (422).
 */
export const completeWarehouseConnection = (input: WarehouseConnection, stored?: WarehouseConnection): WarehouseConnection => {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const merged = (stored?.type === input.type ? { ...warehouseSecrets(stored), ...given } : given) as WarehouseConnection;
  const missing = missingSecrets(merged);
  if (missing.length > 0) {
    const fields = missing.map((m) => ({ path: `body.warehouseConnection.${m.split(' or ')[0]}`, message: `${m} is required` }));
    throw new ValidateError(`Invalid request: warehouseConnection needs ${missing.join(', ')}`, { fields });
  }
  return merged;
};

/** dbt manifest.json as dbt writes it: `metadata.dbt_schema_version` names a manifest, `nodes` is an object. */
export const assertManifest = (body: unknown): void => {
  const m = body as { metadata?: { dbt_schema_version?: unknown }; nodes?: unknown } | null;
  const version = m?.metadata?.dbt_schema_version;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(m) || typeof version !== 'string' || !version.includes('/manifest/') || !isObject(m?.nodes)) {
    throw new ParameterError('The body is not a dbt manifest.json (metadata.dbt_schema_version must name a manifest, nodes must be an object)');
  }
};
