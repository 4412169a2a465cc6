import { ParameterError } from '@tessera/core';
import { DuckDbClient, MySqlClient, PostgresClient, WarehouseClientRegistry, connectionKey, type WarehouseClient } from '@tessera/warehouses';
import type { WarehouseConnection } from '../projects/warehouse-connection-schemas.js';

/** Makes a client for a connection; only engines with a client in `@tessera/warehouses` are served. */
const create = (connection: WarehouseConnection): WarehouseClient => {
  switch (connection.type) {
    case 'duckdb':
      return new DuckDbClient(connection.path);
    case 'postgres':
    case 'redshift':
      return new PostgresClient({ host: connection.host, port: connection.port, user: connection.user ?? '', password: connection.password ?? '', dbname: connection.dbname, sslmode: connection.sslmode });
    case 'mysql':
      return new MySqlClient({ host: connection.host, port: connection.port, user: connection.user ?? '', password: connection.password ?? '', dbname: connection.dbname });
    default:
      throw new ParameterError(`Queries on ${connection.type} warehouses are not supported by this server yet`);
  }
};

/**
 * One client — one pool — per connection identity (its full settings, secret included, hashed by
 * `connectionKey`), for the life of the app: changed credentials get a new client. The registry is
 * the app's own (not the process-wide one), so closing an app closes only its clients.
 */
export const createClientSource = () => {
  const registry = new WarehouseClientRegistry();
  return {
    clientFor: (connection: WarehouseConnection): WarehouseClient => registry.clientFor(connectionKey(connection.type, connection), () => create(connection)),
    close: () => registry.closeAll(),
  };
};
