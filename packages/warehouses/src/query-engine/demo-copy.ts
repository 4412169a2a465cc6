import { connectDuckdb, connectMariadb, connectPostgres } from '../dialects/testing/connect.js';

/**
 * Test support: copies the demo warehouse (schema `demo` of a DuckDB file) into PostgreSQL or
 * MariaDB, so the same queries run on every engine. Column types are mapped one to one.
 */
type Engine = 'postgres' | 'mysql';

const typeFor = (duck: string, engine: Engine): string => {
  const t = duck.toUpperCase();
  if (t.startsWith('DECIMAL') || t === 'BIGINT' || t === 'INTEGER' || t === 'SMALLINT' || t === 'DATE') return t;
  if (t === 'DOUBLE' || t === 'FLOAT') return engine === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  if (t === 'BOOLEAN') return 'BOOLEAN';
  if (t.startsWith('TIMESTAMP')) return engine === 'postgres' ? 'TIMESTAMP' : 'DATETIME(6)';
  if (t === 'HUGEINT' || t === 'UBIGINT') return 'DECIMAL(38,0)';
  return engine === 'postgres' ? 'TEXT' : 'TEXT';
};

const valueFor = (v: unknown): unknown => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'object' && 'toString' in v) return (v as { toString(): string }).toString();
  return v;
};

/** `stamp` names the data (generator and scale): a schema already holding it is reused. */
export const copyDemo = async (duckdbFile: string, engine: Engine, url: string, schema: string, stamp: string): Promise<void> => {
  const duckdb = await connectDuckdb(duckdbFile);
  const duck = duckdb.connection;
  let pgClient: Awaited<ReturnType<typeof connectPostgres>> | undefined;
  let my: Awaited<ReturnType<typeof connectMariadb>> | undefined;
  const q = (name: string) => (engine === 'postgres' ? `"${name}"` : `\`${name}\``);
  const exec = async (sql: string, params: unknown[] = []) => {
    if (pgClient) await pgClient.query(sql, params);
    else await my!.query(sql, params);
  };
  const scalar = async (sql: string): Promise<unknown> => {
    if (pgClient) return Object.values((await pgClient.query(sql)).rows[0] ?? {})[0];
    const [rows] = await my!.query(sql);
    return Object.values((rows as Record<string, unknown>[])[0] ?? {})[0];
  };
  try {
    const tables = (await duck.runAndReadAll(`select table_name from information_schema.tables where table_schema = 'demo' order by 1`)).getRows().map((r) => String(r[0]));
    if (engine === 'postgres') pgClient = await connectPostgres(url);
    else my = await connectMariadb(url);
    // Test files run in parallel: one copies while the others wait, then all reuse the copy.
    if (engine === 'postgres') await exec('SELECT pg_advisory_lock(7411)');
    else await scalar(`SELECT GET_LOCK('tessera_demo_copy', 600)`);
    const marker = engine === 'postgres'
      ? await scalar(`SELECT to_regclass('${schema}._copied_from') IS NOT NULL`)
      : await scalar(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${schema}' AND table_name = '_copied_from'`);
    if (marker === true || Number(marker) === 1) {
      const from = await scalar(`SELECT source FROM ${q(schema)}.${q('_copied_from')}`);
      if (from === stamp) return;
    }
    if (engine === 'postgres') await exec(`DROP SCHEMA IF EXISTS ${q(schema)} CASCADE`);
    else await exec(`DROP DATABASE IF EXISTS ${q(schema)}`);
    await exec(engine === 'postgres' ? `CREATE SCHEMA ${q(schema)}` : `CREATE DATABASE ${q(schema)}`);
    for (const table of tables) {
      const columns = (await duck.runAndReadAll(
        `select column_name, data_type from information_schema.columns where table_schema = 'demo' and table_name = '${table}' order by ordinal_position`,
      )).getRows().map((r) => ({ name: String(r[0]), type: String(r[1]) }));
      await exec(`CREATE TABLE ${q(schema)}.${q(table)} (${columns.map((c) => `${q(c.name)} ${typeFor(c.type, engine)}`).join(', ')})`);
      const dq = (name: string) => `"${name}"`;
      const select = columns.map((c) => (c.type.toUpperCase().startsWith('TIMESTAMP') ? `strftime(${dq(c.name)}, '%Y-%m-%d %H:%M:%S.%f')` : c.type.toUpperCase() === 'DATE' ? `strftime(${dq(c.name)}, '%Y-%m-%d')` : dq(c.name))).join(', ');
      const rows = (await duck.runAndReadAll(`select ${select} from demo.${dq(table)}`)).getRows();
      const batch = 500;
      for (let i = 0; i < rows.length; i += batch) {
        const chunk = rows.slice(i, i + batch);
        const params: unknown[] = [];
        const tuples = chunk.map((row) => `(${row.map((v) => { params.push(valueFor(v)); return engine === 'postgres' ? `$${params.length}` : '?'; }).join(', ')})`);
        await exec(`INSERT INTO ${q(schema)}.${q(table)} VALUES ${tuples.join(', ')}`, params);
      }
    }
    await exec(`CREATE TABLE ${q(schema)}.${q('_copied_from')} (source TEXT)`);
    await exec(`INSERT INTO ${q(schema)}.${q('_copied_from')} VALUES (${engine === 'postgres' ? '$1' : '?'})`, [stamp]);
  } finally {
    if (engine === 'postgres') await exec('SELECT pg_advisory_unlock(7411)').catch(() => undefined);
    else await scalar(`SELECT RELEASE_LOCK('tessera_demo_copy')`).catch(() => undefined);
    await duckdb.close();
    await pgClient?.end();
    await my?.end();
  }
};
