import { TesseraError, isExploreError, type Explore, type QueryContext } from '@tessera/core';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { ExploreCache } from './explore-cache.js';
import type { ProjectWarehouse, ProjectWarehouses } from './project-warehouse.js';
import type { SecurityContext } from './results-cache-key.js';
import { measured, type ServerTiming } from '../http/server-timing.js';

export type AttributeResolver = {
  resolveUserAttributes(userUuid: string, organizationUuid: string): Promise<Record<string, string[]>>;
};

/** Everything a query of one user on one explore is compiled and run with. */
export type QueryScope = {
  projectUuid: string;
  explore: Explore;
  warehouse: ProjectWarehouse;
  context: QueryContext;
  security: SecurityContext;
  /** The project's results-cache time-to-live (null: the server's). */
  resultsCacheTtlSeconds: number | null;
};

/**
 * Opens a query scope: checks project view, then together loads the explore (404 unknown, 422 when
 * it has compile errors), resolves the project's warehouse for the user, and the user's attribute
 * values (own and through groups); builds the compiler's context from them — e-mail, the query's
 * time zone (UTC by default), now, the connection's week start, the server's row cap.
 */
export class QueryScopes {
  constructor(
    private readonly guard: ProjectGuard,
    private readonly explores: ExploreCache,
    private readonly warehouses: ProjectWarehouses,
    private readonly attributes: AttributeResolver,
    private readonly now: () => Date,
    private readonly maxLimit: number,
  ) {}

  async open(
    account: MemberAccount,
    projectUuid: string,
    exploreId: string,
    options: { timezone?: string | undefined; maxLimit?: number; timing?: ServerTiming | undefined } = {},
  ): Promise<QueryScope> {
    const [project, explore, warehouse, userAttributes] = await measured(options.timing, 'metadata', async () => {
      const { project } = await this.guard.authorize(account, projectUuid, 'view');
      return Promise.all([
        project,
        this.explores.get(projectUuid, exploreId),
        this.warehouses.forAccount(account, projectUuid),
        this.attributes.resolveUserAttributes(account.user.userUuid, account.organization.organizationUuid),
      ]);
    });
    if (isExploreError(explore)) {
      throw new TesseraError('CompileError', 422, `Explore "${explore.name}" has errors: fix the model and recompile before querying it`, { errors: explore.errors });
    }
    const email = account.user.email;
    return {
      projectUuid,
      explore,
      warehouse,
      context: {
        userAttributes,
        email,
        timezone: options.timezone ?? 'UTC',
        now: this.now(),
        weekStart: warehouse.startOfWeek,
        maxLimit: options.maxLimit ?? this.maxLimit,
      },
      security: { userAttributes, email },
      resultsCacheTtlSeconds: project.resultsCacheTtlSeconds,
    };
  }
}
