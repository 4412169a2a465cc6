import { isPlainObject, mergeMeta } from '../meta-merge.js';

/** The node configs the loader uses, accumulated from dbt_project.yml, YAML and SQL `config()`. */
export interface NodeConfig {
  materialized?: string;
  enabled?: boolean;
  schema?: string;
  database?: string;
  alias?: string;
  tags: string[];
  meta: Record<string, unknown>;
}

/** Config names dbt accepts without a `+` prefix in dbt_project.yml. */
const CONFIG_KEYS = new Set([
  'materialized', 'enabled', 'schema', 'database', 'alias', 'tags', 'meta', 'docs', 'persist_docs', 'pre-hook', 'post-hook',
  'full_refresh', 'on_schema_change', 'grants', 'contract', 'access', 'group', 'sql_header', 'unique_key', 'incremental_strategy',
]);

/** Applies one layer of configs: scalars replace, tags accumulate, meta deep-merges. */
export const applyConfig = (into: NodeConfig, layer: Record<string, unknown>): NodeConfig => {
  const out: NodeConfig = { ...into, tags: [...into.tags], meta: into.meta };
  for (const [rawKey, value] of Object.entries(layer)) {
    const key = rawKey.startsWith('+') ? rawKey.slice(1) : rawKey;
    switch (key) {
      case 'materialized':
      case 'schema':
      case 'database':
      case 'alias':
        if (typeof value === 'string') out[key] = value;
        break;
      case 'enabled':
        if (typeof value === 'boolean') out.enabled = value;
        break;
      case 'tags':
        for (const t of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) {
          if (typeof t === 'string' && !out.tags.includes(t)) out.tags.push(t);
        }
        break;
      case 'meta':
        out.meta = mergeMeta(out.meta, value);
        break;
      default:
        break;
    }
  }
  return out;
};

const configsOf = (level: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(level)) {
    if (key.startsWith('+') || CONFIG_KEYS.has(key)) out[key] = value;
  }
  return out;
};

/**
 * The `models:` configs of dbt_project.yml that apply to a model at `fqn` (project name, folders
 * under the model path, model name), outermost first.
 */
export const projectConfigFor = (models: unknown, fqn: readonly string[]): NodeConfig => {
  let config: NodeConfig = { tags: [], meta: {} };
  let level: unknown = models;
  for (const segment of fqn) {
    if (!isPlainObject(level)) break;
    level = level[segment];
    if (!isPlainObject(level)) break;
    config = applyConfig(config, configsOf(level));
  }
  return config;
};
