import { assertCan, type DimensionType } from '@tessera/core';
import type { MemberAccount } from '../projects/project-service.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { ProjectWarehouses } from './project-warehouse.js';
import { mappingQueryErrors } from './query-errors.js';
import { jsonValue } from './json-values.js';
import type { RunOptions } from './query-service.js';
import { measured } from '../http/server-timing.js';

export type SqlQueryResults = { rows: Record<string, unknown>[]; fields: Record<string, { type: DimensionType }> };

/**
 * RunSqlQuery (the SQL runner): the user's own SQL on the project's warehouse, for project
 * developers and admins only (policy subject `SqlRunner`), because it bypasses the semantic
 * layer's row-level security. Never cached. At most `maxRows` rows come back.
 */
export class SqlQueryService {
  constructor(
    private readonly guard: ProjectGuard,
    private readonly warehouses: ProjectWarehouses,
    private readonly settings: { maxRows: number; timeoutSeconds: number },
  ) {}

  async run(account: MemberAccount, projectUuid: string, sql: string, options: RunOptions): Promise<SqlQueryResults> {
    const { timing, signal } = options;
    const client = await measured(timing, 'metadata', async () => {
      const { project, actor } = await this.guard.authorize(account, projectUuid, 'view');
      assertCan(actor, 'manage', { type: 'SqlRunner', organizationUuid: project.organizationUuid, projectUuid });
      return (await (await this.warehouses.forAccount(account, projectUuid)).connect()).client;
    });
    const { timeoutSeconds, maxRows } = this.settings;
    const result = await measured(timing, 'warehouse', () =>
      mappingQueryErrors(timeoutSeconds, () => client.run(sql, { signal, timeoutMs: timeoutSeconds * 1000, maxRows })),
    );
    return {
      fields: Object.fromEntries(result.columns.map((c) => [c.name, { type: c.type }])),
      rows: result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, jsonValue(v)]))),
    };
  }
}
