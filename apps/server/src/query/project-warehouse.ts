import { ForbiddenError, ParameterError, type QueryDialect } from '@tessera/core';
import { queryDialect, type WarehouseClient } from '@tessera/warehouses';
import type { Account } from '../identity/account.js';
import { publicWarehouseConnection, type WarehouseConnection } from '../projects/warehouse-connection-schemas.js';
import type { WarehouseCredentialsService } from '../warehouse-credentials/warehouse-credentials-service.js';
import type { CredentialsIdentity } from './results-cache-key.js';

/** Who the warehouse sees for one user, and the client to reach it with (shared; never closed by the caller). */
export type WarehouseAccess = { identity: CredentialsIdentity; client: WarehouseClient };

/** A project's warehouse as one user reaches it. */
export type ProjectWarehouse = {
  dialect: QueryDialect;
  /** 0 = Monday … 6 = Sunday, from the connection; undefined = the warehouse's default. */
  startOfWeek: number | undefined;
  /** Resolves the credentials to run with (personal ones when the project requires them); compiling does not need it. */
  connect(): Promise<WarehouseAccess>;
};

/**
 * Resolves the warehouse a user's queries run on. A project that requires user credentials runs
 * with the user's own credentials of the project's warehouse type (the oldest such, as listed)
 * over the project's connection; a user without any is refused (403) with what to do — when
 * running, not when only compiling.
 */
export class ProjectWarehouses {
  constructor(
    /** The project's full warehouse connection (see ProjectService.compileSource), possibly cached. */
    private readonly connectionOf: (projectUuid: string) => Promise<WarehouseConnection | undefined>,
    private readonly credentials: WarehouseCredentialsService,
    private readonly clientFor: (connection: WarehouseConnection) => WarehouseClient,
  ) {}

  async forAccount(account: Account, projectUuid: string): Promise<ProjectWarehouse> {
    const connection = await this.connectionOf(projectUuid);
    if (!connection) {
      throw new ParameterError('This project has no warehouse connection: add one in the project settings before running queries');
    }
    const startOfWeek = connection.startOfWeek ?? undefined;
    let access: Promise<WarehouseAccess> | undefined;
    return {
      dialect: queryDialect(connection.type, { startOfWeek }),
      startOfWeek,
      connect: () => (access ??= this.access(account, projectUuid, connection)),
    };
  }

  private async access(account: Account, projectUuid: string, project: WarehouseConnection): Promise<WarehouseAccess> {
    if (!project.requireUserCredentials) {
      return { identity: projectIdentity(projectUuid, project), client: this.clientFor(project) };
    }
    const own = (await this.credentials.list(account)).find((c) => c.credentials.type === project.type);
    if (!own) {
      throw new ForbiddenError(
        `This project runs queries with each user's own ${project.type} credentials: add yours with POST /api/v1/user/warehouseCredentials`,
      );
    }
    const { type: _type, ...login } = await this.credentials.getDecryptedCredentials(account.user.userUuid, own.uuid);
    // The user's login and secret over the project's host, database and settings.
    const connection = { ...project, ...login } as WarehouseConnection;
    return {
      identity: { kind: 'personal', userUuid: account.user.userUuid, credentialsUuid: own.uuid, updatedAt: own.updatedAt.toISOString() },
      client: this.clientFor(connection),
    };
  }
}

/** The shared connection, described without its secrets (the login name is kept: it decides access). */
const projectIdentity = (projectUuid: string, connection: WarehouseConnection): CredentialsIdentity => ({
  kind: 'project',
  projectUuid,
  connection: { ...publicWarehouseConnection(connection), user: 'user' in connection ? (connection.user ?? null) : null },
});
