import { randomUUID } from 'node:crypto';
import { NotFoundError, ParameterError, assertCan } from '@tessera/core';
import type { Account, requireMember } from '../identity/account.js';
import { assertDbtProjectDir, completeWarehouseConnection, supportedDbtConnection } from './connection-rules.js';
import type { DbtConnection } from './dbt-connection-schemas.js';
import type { ProjectGuard } from './project-guard.js';
import type { ProjectRecord, ProjectRepository } from './project-repository.js';
import type { ProjectRoleResolver } from './project-role-resolver.js';
import { DEFAULT_DBT_VERSION, type CreateProjectInput, type UpdateProjectInput } from './project-schemas.js';
import type { ProjectVault, ProjectView } from './project-vault.js';
import type { WarehouseConnection } from './warehouse-connection-schemas.js';

export type MemberAccount = ReturnType<typeof requireMember>;

/**
 * Projects: create, read, update (connections included), delete, and previews. Connections are
 * sealed by the vault before they reach the repository and never leave it in clear except
 * through `compileSource` (for the model compiler and query engine, never for a response).
 * Multi-row writes (project + creator membership + manifest) run in one transaction.
 */
export class ProjectService {
  private readonly sourceListeners: ((projectUuid: string, userUuid: string) => void)[] = [];

  constructor(
    private readonly projects: ProjectRepository,
    private readonly roles: ProjectRoleResolver,
    private readonly guard: ProjectGuard,
    private readonly vault: ProjectVault,
    private readonly now: () => Date,
  ) {}

  /** DEFAULT: org admins; PREVIEW: developers (of the org, or of the upstream project). The creator becomes project admin. */
  async create(account: MemberAccount, input: CreateProjectInput): Promise<ProjectView> {
    const organizationUuid = account.organization.organizationUuid;
    const upstreamProjectUuid = input.upstreamProjectUuid?.toLowerCase() ?? null;
    if (input.type === 'DEFAULT' && upstreamProjectUuid !== null) {
      throw new ParameterError('A DEFAULT project cannot have an upstream project: only PREVIEW projects can be created with upstreamProjectUuid');
    }
    const dbt = supportedDbtConnection(input.dbtConnection);
    const warehouse = completeWarehouseConnection(input.warehouseConnection);
    const actor = await this.roles.actorFor(account, [upstreamProjectUuid]);
    assertCan(actor, 'create', {
      type: 'Project',
      organizationUuid,
      projectUuid: null,
      projectType: input.type,
      createdByUserUuid: account.user.userUuid,
      upstreamProjectUuid,
    });
    if (upstreamProjectUuid !== null) await this.assertInOrganization(upstreamProjectUuid, organizationUuid);
    await assertDbtProjectDir(dbt);

    const projectUuid = randomUUID();
    await this.projects.transaction(async (trx) => {
      const at = this.now();
      await this.projects.insert(
        {
          projectUuid,
          organizationUuid,
          type: input.type,
          createdByUserUuid: account.user.userUuid,
          at,
          name: input.name,
          ...this.sealedConnections(dbt, warehouse),
          encryptedSemanticLayerConnection: null,
          dbtVersion: input.dbtVersion ?? DEFAULT_DBT_VERSION,
          schedulerTimezone: 'UTC',
          resultsCacheTtlSeconds: input.resultsCacheTtlSeconds ?? null,
          upstreamProjectUuid,
        },
        trx,
      );
      await this.projects.addMember(projectUuid, account.user.userUuid, 'admin', at, trx);
    });
    if (dbt.type === 'dbt' || dbt.type === 'lookml') this.sourceChanged(projectUuid, account.user.userUuid);
    return this.view(projectUuid);
  }

  /** Called after a project's model source is set or changed (the explores module recompiles). */
  onSourceChanged(listener: (projectUuid: string, userUuid: string) => void): void {
    this.sourceListeners.push(listener);
  }

  sourceChanged(projectUuid: string, userUuid: string): void {
    for (const listener of this.sourceListeners) listener(projectUuid, userUuid);
  }

  async get(account: Account, projectUuid: string): Promise<ProjectView> {
    const { project } = await this.guard.authorize(account, projectUuid, 'view');
    return this.vault.view(project);
  }

  /**
   * Replaces what the body carries (name, connections, dbt version). A warehouse connection of the
   * stored type keeps the stored secrets the body leaves out. Leaving the `manifest` type drops the
   * uploaded manifest.
   */
  async update(account: Account, projectUuid: string, input: UpdateProjectInput): Promise<ProjectView> {
    await this.guard.authorize(account, projectUuid, 'update');
    const dbt = input.dbtConnection && supportedDbtConnection(input.dbtConnection);
    if (dbt) await assertDbtProjectDir(dbt);
    await this.projects.transaction(async (trx) => {
      const stored = await this.projects.find(projectUuid, trx, true);
      if (!stored) throw new NotFoundError(`Project ${projectUuid} not found`);
      const warehouse = input.warehouseConnection && completeWarehouseConnection(input.warehouseConnection, this.vault.warehouse(stored));
      await this.projects.update(
        projectUuid,
        {
          name: input.name,
          dbtVersion: input.dbtVersion,
          resultsCacheTtlSeconds: input.resultsCacheTtlSeconds,
          ...(dbt ? { dbtConnectionType: dbt.type, encryptedDbtConnection: this.vault.seal(dbt) } : {}),
          ...(warehouse ? this.sealedWarehouse(warehouse) : {}),
        },
        this.now(),
        trx,
      );
      if (dbt && dbt.type !== 'manifest') await this.projects.deleteManifest(projectUuid, trx);
    });
    // A changed source or warehouse means new explores; a manifest project compiles when one is uploaded.
    const compiles = dbt ? dbt.type === 'dbt' || dbt.type === 'lookml' : input.warehouseConnection !== undefined;
    if (compiles) this.sourceChanged(projectUuid, account.user.userUuid);
    return this.view(projectUuid);
  }

  /** Admins delete any project; developers the previews they created. */
  async delete(account: Account, projectUuid: string): Promise<void> {
    await this.guard.authorize(account, projectUuid, 'delete');
    if (!(await this.projects.delete(projectUuid))) throw new NotFoundError(`Project ${projectUuid} not found`);
  }

  /**
   * A PREVIEW copy of a project's settings and connections (the ciphertext is copied as is), with
   * the source as upstream. Content (spaces, charts, dashboards) does not exist yet, so
   * `copyContent: true` is refused (400) rather than silently ignored.
   */
  async createPreview(account: Account, sourceUuid: string, input: { name: string; copyContent: boolean }): Promise<string> {
    const source = await this.guard.find(sourceUuid);
    const actor = await this.roles.actorFor(account, [source.projectUuid]);
    assertCan(actor, 'create', {
      type: 'Project',
      organizationUuid: source.organizationUuid,
      projectUuid: null,
      projectType: 'PREVIEW',
      createdByUserUuid: account.user.userUuid,
      upstreamProjectUuid: source.projectUuid,
    });
    if (input.copyContent) {
      throw new ParameterError(
        'copyContent is not available yet: this installation has no project content (spaces, charts, dashboards) to copy. Send copyContent: false.',
      );
    }
    const projectUuid = randomUUID();
    await this.projects.transaction(async (trx) => {
      const at = this.now();
      await this.projects.insert(
        {
          projectUuid,
          organizationUuid: source.organizationUuid,
          type: 'PREVIEW',
          createdByUserUuid: account.user.userUuid,
          at,
          name: input.name,
          warehouseType: source.warehouseType,
          requireUserCredentials: source.requireUserCredentials,
          dbtConnectionType: source.dbtConnectionType,
          encryptedDbtConnection: source.encryptedDbtConnection,
          encryptedWarehouseConnection: source.encryptedWarehouseConnection,
          encryptedSemanticLayerConnection: source.encryptedSemanticLayerConnection,
          dbtVersion: source.dbtVersion,
          schedulerTimezone: source.schedulerTimezone,
          resultsCacheTtlSeconds: source.resultsCacheTtlSeconds,
          upstreamProjectUuid: source.projectUuid,
        },
        trx,
      );
      await this.projects.addMember(projectUuid, account.user.userUuid, 'admin', at, trx);
      await this.projects.copyManifest(source.projectUuid, projectUuid, account.user.userUuid, at, trx);
    });
    return projectUuid;
  }

  /**
   * The seam for the model compiler and query engine (no permission check: callers have done
   * theirs): the project's dbt connection and full warehouse connection, secrets included, and the
   * uploaded manifest when the dbt type is `manifest`.
   */
  async compileSource(projectUuid: string): Promise<CompileSource> {
    const project = await this.projects.find(projectUuid);
    if (!project) throw new NotFoundError(`Project ${projectUuid} not found`);
    return {
      projectUuid,
      organizationUuid: project.organizationUuid,
      warehouseType: project.warehouseType,
      dbtVersion: project.dbtVersion,
      dbtConnection: this.vault.dbt(project),
      warehouseConnection: this.vault.warehouse(project),
      manifest: async () => {
        const stored = await this.projects.findManifest(projectUuid);
        return stored && (JSON.parse(stored.manifest) as unknown);
      },
    };
  }

  private async view(projectUuid: string): Promise<ProjectView> {
    const project = await this.projects.find(projectUuid);
    if (!project) throw new NotFoundError(`Project ${projectUuid} not found`);
    return this.vault.view(project);
  }

  private async assertInOrganization(projectUuid: string, organizationUuid: string): Promise<ProjectRecord> {
    const project = await this.projects.find(projectUuid);
    if (!project || project.organizationUuid !== organizationUuid) {
      throw new ParameterError(`Upstream project ${projectUuid} is not a project of your organization`, { upstreamProjectUuid: projectUuid });
    }
    return project;
  }

  private sealedConnections(dbt: DbtConnection, warehouse: WarehouseConnection) {
    return { dbtConnectionType: dbt.type, encryptedDbtConnection: this.vault.seal(dbt), ...this.sealedWarehouse(warehouse) };
  }

  private sealedWarehouse(warehouse: WarehouseConnection) {
    return {
      warehouseType: warehouse.type,
      requireUserCredentials: warehouse.requireUserCredentials ?? false,
      encryptedWarehouseConnection: this.vault.seal(warehouse),
    };
  }
}

export type CompileSource = {
  projectUuid: string;
  organizationUuid: string;
  warehouseType: string;
  dbtVersion: string;
  dbtConnection: DbtConnection;
  warehouseConnection: WarehouseConnection | undefined;
  /** The uploaded manifest.json (dbt type `manifest`), parsed; undefined when none was uploaded. */
  manifest: () => Promise<unknown>;
};
