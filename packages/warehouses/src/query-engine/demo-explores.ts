import path from 'node:path';
import { compileExplores, type Explore, type TargetDatabase } from '@tessera/core';
import { openModelSource } from '@tessera/models';
import { queryDialect } from '../dialects/query-dialect.js';
import type { DialectName } from '../dialects/dialects.js';

/** Test support: the demo project's explores compiled for an engine, as the server compiles them. */
export const DEMO_PROJECT_DIR = path.resolve(import.meta.dirname, '../../../../examples/demo');

const TARGET: Record<DialectName, TargetDatabase> = {
  duckdb: 'duckdb',
  postgres: 'postgres',
  redshift: 'redshift',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  databricks: 'databricks',
  trino: 'trino',
  athena: 'athena',
  clickhouse: 'clickhouse',
  mysql: 'mysql',
  mariadb: 'mysql',
};

export const demoExplores = async (name: DialectName, options: { schema?: string; startOfWeek?: number } = {}): Promise<Map<string, Explore>> => {
  const loaded = await (await openModelSource(DEMO_PROJECT_DIR)).load();
  const dialect = queryDialect(name, options);
  const models = options.schema === undefined ? loaded.models : loaded.models.map((m) => (m.relation.kind === 'table' ? { ...m, relation: { kind: 'table' as const, schema: options.schema!, identifier: m.relation.identifier } } : m));
  const { explores } = compileExplores(models, { targetDatabase: TARGET[name], quote: dialect.quoteIdentifier, sql: dialect.semantic });
  const out = new Map<string, Explore>();
  for (const e of explores) if ('baseTable' in e && !('errors' in e && (e as { errors?: unknown[] }).errors?.length)) out.set(e.name, e as Explore);
  return out;
};
