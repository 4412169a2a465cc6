import mysql from 'mysql2/promise';
import { toColumnType } from '../column-types.js';
import { catalogKey, type Catalog, type Relation, type WarehouseClient } from '../warehouse-client.js';

export type MySqlConnection = {
  host: string;
  port: number;
  user: string;
  password: string;
  dbname: string;
  /** `disable` (default) or unset: no TLS; `verify-full`: verify the certificate; anything else: TLS without verification. */
  sslmode?: string | undefined;
};

type ColumnRow = { table_schema: string; table_name: string; column_name: string; column_type: string };

/**
 * MySQL / MariaDB through a `mysql2` pool. In MySQL the "schema" of a relation is the database, so
 * the catalog spans every database the user can see. Relation names reach SQL only as bound
 * parameters (the statement holds just `?` placeholders) and match case-insensitively.
 * Types come from `column_type` (not `data_type`) so `tinyint(1)` — MySQL's `boolean` — is told apart.
 */
export class MySqlClient implements WarehouseClient {
  readonly type = 'mysql';
  private readonly pool: mysql.Pool;

  constructor(connection: MySqlConnection) {
    this.pool = mysql.createPool({
      host: connection.host,
      port: connection.port,
      user: connection.user,
      password: connection.password,
      database: connection.dbname,
      connectionLimit: 5,
      ...(connection.sslmode && connection.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: connection.sslmode === 'verify-full' } } : {}),
    });
  }

  async test(): Promise<void> {
    await this.pool.query('select 1');
  }

  async catalog(relations: readonly Relation[]): Promise<Catalog> {
    const catalog: Catalog = new Map();
    if (relations.length === 0) return catalog;
    const wanted = relations.map(() => '(lower(table_schema) = lower(?) and lower(table_name) = lower(?))').join(' or ');
    const [rows] = await this.pool.execute<(ColumnRow & mysql.RowDataPacket)[]>(
      `select table_schema as table_schema, table_name as table_name, column_name as column_name, column_type as column_type
         from information_schema.columns
        where ${wanted}
        order by table_schema, table_name, ordinal_position`,
      relations.flatMap((r) => [r.schema, r.name]),
    );
    for (const row of rows) {
      const key = catalogKey(row.table_schema, row.table_name);
      if (!catalog.has(key)) catalog.set(key, new Map());
      catalog.get(key)!.set(row.column_name.toLowerCase(), toColumnType(row.column_type));
    }
    return catalog;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
