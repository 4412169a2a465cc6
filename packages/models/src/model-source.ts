import type { ModelDefinition, TargetDatabase } from '@tessera/core';

/** A problem reading the source itself (unreadable file, invalid YAML), as opposed to a model error. */
export interface LoadDiagnostic {
  severity: 'error' | 'warning';
  file: string;
  message: string;
}

export interface LoadResult {
  models: ModelDefinition[];
  /** The warehouse the project targets, when the source says (manifest adapter, profile type, lightdash.config.yml). */
  targetDatabase?: TargetDatabase;
  diagnostics: LoadDiagnostic[];
}

/** Where models come from. One implementation per format; a LookML source plugs in the same way. */
export interface ModelSource {
  readonly kind: string;
  /** The path the source reads. */
  readonly location: string;
  load(): Promise<LoadResult>;
}

export interface ModelSourceOptions {
  /** Environment for `env_var()` in profiles.yml (default: `process.env`). */
  env?: Record<string, string | undefined>;
  /** Directory holding profiles.yml (otherwise the project, its `profiles/`, DBT_PROFILES_DIR, ~/.dbt). */
  profilesDir?: string;
  /** Profile target (otherwise the profile's `target`). */
  target?: string;
  /** Schema when no profile gives one. */
  defaultSchema?: string;
  /** Database when no profile gives one. */
  defaultDatabase?: string;
}

/** Recognises a path and opens a source for it. */
export interface ModelSourceFactory {
  readonly kind: string;
  detect(path: string): Promise<boolean>;
  create(path: string, options: ModelSourceOptions): ModelSource;
}

const ADAPTERS: Record<string, TargetDatabase> = {
  postgres: 'postgres',
  redshift: 'redshift',
  duckdb: 'duckdb',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  databricks: 'databricks',
  spark: 'databricks',
  trino: 'trino',
  athena: 'athena',
  clickhouse: 'clickhouse',
  mysql: 'mysql',
  mariadb: 'mysql',
};

/** A dbt adapter / warehouse type name as a target database, if supported. */
export const targetDatabaseOf = (adapter: unknown): TargetDatabase | undefined =>
  typeof adapter === 'string' ? ADAPTERS[adapter.toLowerCase()] : undefined;
