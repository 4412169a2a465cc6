import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { TargetDatabase } from '@tessera/core';
import { readYaml } from '../yaml-file.js';
import { isPlainObject } from '../meta-merge.js';
import { targetDatabaseOf } from '../model-source.js';
import type { LoadDiagnostic } from '../model-source.js';
import { renderEnvVars } from './jinja-lite.js';

export interface ProfileTarget {
  targetDatabase?: TargetDatabase;
  database?: string;
  schema?: string;
}

const exists = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() === true;

/** Where profiles.yml may be, in dbt's order after an explicit directory. */
const candidates = (projectDir: string, profilesDir: string | undefined, env: Record<string, string | undefined>): string[] => [
  ...(profilesDir ? [path.join(profilesDir, 'profiles.yml')] : []),
  path.join(projectDir, 'profiles.yml'),
  path.join(projectDir, 'profiles', 'profiles.yml'),
  ...(env.DBT_PROFILES_DIR ? [path.join(env.DBT_PROFILES_DIR, 'profiles.yml')] : []),
  ...(env.HOME ? [path.join(env.HOME, '.dbt', 'profiles.yml')] : []),
];

/**
 * The warehouse, database and schema of the profile's target, `env_var()` rendered. Values that
 * still hold Jinja after rendering are left unset (with a warning).
 */
export const readProfileTarget = async (
  projectDir: string,
  profileName: string | undefined,
  opts: { profilesDir?: string; target?: string; env: Record<string, string | undefined> },
  diagnostics: LoadDiagnostic[],
): Promise<ProfileTarget> => {
  if (!profileName) return {};
  let file: string | undefined;
  for (const c of candidates(projectDir, opts.profilesDir, opts.env)) {
    if (await exists(c)) {
      file = c;
      break;
    }
  }
  if (!file) return {};
  const shownAs = path.relative(projectDir, file) || file;
  const profiles = await readYaml(file, shownAs, diagnostics);
  const profile = isPlainObject(profiles) ? profiles[profileName] : undefined;
  if (!isPlainObject(profile)) {
    diagnostics.push({ severity: 'warning', file: shownAs, message: `no profile "${profileName}"` });
    return {};
  }
  const targetName = opts.target ?? (typeof profile.target === 'string' ? renderEnvVars(profile.target, opts.env) : undefined);
  const outputs = isPlainObject(profile.outputs) ? profile.outputs : {};
  const output = targetName ? outputs[targetName] : undefined;
  if (!isPlainObject(output)) {
    diagnostics.push({ severity: 'warning', file: shownAs, message: `profile "${profileName}" has no target "${targetName ?? ''}"` });
    return {};
  }
  const value = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const raw = output[key];
      if (raw === undefined || raw === null) continue;
      const rendered = renderEnvVars(String(raw), opts.env);
      if (rendered === undefined) {
        diagnostics.push({ severity: 'warning', file: shownAs, message: `"${key}" of target "${targetName}" needs an environment variable that is not set; left unset` });
      }
      return rendered || undefined;
    }
    return undefined;
  };
  const out: ProfileTarget = {};
  const targetDatabase = targetDatabaseOf(value('type'));
  if (targetDatabase) out.targetDatabase = targetDatabase;
  const database = value('database', 'dbname', 'project', 'catalog');
  if (database) out.database = database;
  const schema = value('schema', 'dataset');
  if (schema) out.schema = schema;
  return out;
};
