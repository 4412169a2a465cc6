import pg from 'pg';
import { toColumnType } from '../column-types.js';
import { catalogKey, type Catalog, type Relation, type WarehouseClient } from '../warehouse-client.js';

export type PostgresConnection = {
  host: string;
  port: number;
  user: string;
  password: string;
  dbname: string;
  sslmode?: string | undefined;
};

/** PostgreSQL through a `pg` pool. Relation names reach the catalog query only as bound arrays. */
export class PostgresClient implements WarehouseClient {
  readonly type = 'postgres';
  private readonly pool: pg.Pool;

  constructor(connection: PostgresConnection) {
    this.pool = new pg.Pool({
      host: connection.host,
      port: connection.port,
      user: connection.user,
      password: connection.password,
      database: connection.dbname,
      max: 5,
      ...(connection.sslmode && connection.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: connection.sslmode === 'verify-full' } } : {}),
    });
  }

  async test(): Promise<void> {
    await this.pool.query('select 1');
  }

  async catalog(relations: readonly Relation[]): Promise<Catalog> {
    const catalog: Catalog = new Map();
    if (relations.length === 0) return catalog;
    const result = await this.pool.query<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
      `select c.table_schema, c.table_name, c.column_name, c.data_type
         from information_schema.columns c
         join unnest($1::text[], $2::text[]) as wanted(schema_name, table_name)
           on lower(c.table_schema) = lower(wanted.schema_name) and lower(c.table_name) = lower(wanted.table_name)
        order by c.table_schema, c.table_name, c.ordinal_position`,
      [relations.map((r) => r.schema), relations.map((r) => r.name)],
    );
    for (const row of result.rows) {
      const key = catalogKey(row.table_schema, row.table_name);
      if (!catalog.has(key)) catalog.set(key, new Map());
      catalog.get(key)!.set(row.column_name.toLowerCase(), toColumnType(row.data_type));
    }
    return catalog;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
