import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { asConnectionError } from '../warehouse-client.js';

type Waiter = { resolve: (connection: DuckDBConnection) => void; reject: (error: Error) => void };

const closedError = () => new Error('The DuckDB client is closed');

/**
 * A few connections on one DuckDB instance, so concurrent queries each get their own (a DuckDB
 * connection runs one statement at a time). Connections open on demand up to `size`; callers past
 * that wait in arrival order.
 */
export class DuckDbConnectionPool {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: Waiter[] = [];
  private open = 0;
  private closed = false;

  constructor(
    private readonly instance: () => Promise<DuckDBInstance>,
    private readonly size: number,
  ) {}

  async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw closedError();
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.open >= this.size) return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.open += 1;
    try {
      return await (await this.instance()).connect();
    } catch (error) {
      this.open -= 1;
      throw asConnectionError(error);
    }
  }

  /** Gives a connection back; it must have no statement running. */
  release(connection: DuckDBConnection): void {
    if (this.closed) {
      this.open -= 1;
      connection.closeSync();
      return;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(connection);
    else this.idle.push(connection);
  }

  /** Closes idle connections now and busy ones as they come back; callers still waiting are refused. */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(closedError());
    for (const connection of this.idle.splice(0)) {
      this.open -= 1;
      connection.closeSync();
    }
  }
}
