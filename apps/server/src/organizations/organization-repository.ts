import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type Organization = {
  organizationUuid: string;
  name: string;
  chartColors: string[] | null;
  /** Only while that project still exists in the organization. */
  defaultProjectUuid: string | null;
  hasProject: boolean;
};

export type OrganizationProject = {
  projectUuid: string;
  name: string;
  type: string;
  createdByUserUuid: string | null;
  upstreamProjectUuid: string | null;
  warehouseType: string;
  requireUserCredentials: boolean;
};

/** Which projects a reader sees: all of the organization, or those granted to one user. */
export type ProjectScope = { kind: 'all' } | { kind: 'granted'; userUuid: string };

/** Organizations, their settings, and the organization's project list. */
export class OrganizationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async find(organizationUuid: string, db: Db = this.db): Promise<Organization | undefined> {
    const row = await db
      .selectFrom('organizations as o')
      .leftJoin('projects as d', (join) =>
        join.onRef('d.project_uuid', '=', 'o.default_project_uuid').onRef('d.organization_uuid', '=', 'o.organization_uuid'),
      )
      .select((eb) => [
        'o.organization_uuid',
        'o.name',
        'o.chart_colors',
        'd.project_uuid as default_project_uuid',
        eb
          .exists(eb.selectFrom('projects as p').select('p.project_uuid').whereRef('p.organization_uuid', '=', 'o.organization_uuid'))
          .as('has_project'),
      ])
      .where('o.organization_uuid', '=', organizationUuid)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      organizationUuid: row.organization_uuid,
      name: row.name,
      chartColors: row.chart_colors,
      defaultProjectUuid: row.default_project_uuid,
      hasProject: Boolean(row.has_project),
    };
  }

  async update(
    organizationUuid: string,
    values: { name?: string | undefined; chartColors?: string[] | undefined; defaultProjectUuid?: string | undefined },
    db: Db = this.db,
  ): Promise<void> {
    const set = {
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.chartColors !== undefined ? { chart_colors: JSON.stringify(values.chartColors) } : {}),
      ...(values.defaultProjectUuid !== undefined ? { default_project_uuid: values.defaultProjectUuid } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await db.updateTable('organizations').set(set).where('organization_uuid', '=', organizationUuid).execute();
  }

  /** Deletes the members' user rows, then the organization (its projects, groups, links… cascade). */
  async deleteWithUsers(organizationUuid: string, db: Db = this.db): Promise<void> {
    await this.deleteMembers(organizationUuid, db);
    await this.deleteOrganization(organizationUuid, db);
  }

  async deleteMembers(organizationUuid: string, db: Db = this.db): Promise<void> {
    await db
      .deleteFrom('users')
      .where('user_uuid', 'in', (eb) =>
        eb.selectFrom('organization_memberships').select('user_uuid').where('organization_uuid', '=', organizationUuid),
      )
      .execute();
  }

  async deleteOrganization(organizationUuid: string, db: Db = this.db): Promise<void> {
    await db.deleteFrom('organizations').where('organization_uuid', '=', organizationUuid).execute();
  }

  /** The subset of `projectUuids` that are projects of the organization. */
  async projectsOf(organizationUuid: string, projectUuids: readonly string[], db: Db = this.db): Promise<Set<string>> {
    if (projectUuids.length === 0) return new Set();
    const rows = await db
      .selectFrom('projects')
      .select('project_uuid')
      .where('organization_uuid', '=', organizationUuid)
      .where('project_uuid', 'in', [...projectUuids])
      .execute();
    return new Set(rows.map((r) => r.project_uuid));
  }

  async listProjects(organizationUuid: string, scope: ProjectScope): Promise<OrganizationProject[]> {
    let query = this.db
      .selectFrom('projects as p')
      .select([
        'p.project_uuid',
        'p.name',
        'p.type',
        'p.created_by_user_uuid',
        'p.upstream_project_uuid',
        'p.warehouse_type',
        'p.require_user_credentials',
      ])
      .where('p.organization_uuid', '=', organizationUuid);
    if (scope.kind === 'granted') {
      const { userUuid } = scope;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('project_grants as pg')
            .select('pg.project_uuid')
            .whereRef('pg.project_uuid', '=', 'p.project_uuid')
            .where('pg.user_uuid', '=', userUuid),
        ),
      );
    }
    const rows = await query.orderBy('p.name').orderBy('p.project_uuid').execute();
    return rows.map((r) => ({
      projectUuid: r.project_uuid,
      name: r.name,
      type: r.type,
      createdByUserUuid: r.created_by_user_uuid,
      upstreamProjectUuid: r.upstream_project_uuid,
      warehouseType: r.warehouse_type,
      requireUserCredentials: r.require_user_credentials,
    }));
  }
}
