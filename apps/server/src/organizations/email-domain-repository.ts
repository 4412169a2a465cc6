import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type AllowedEmailDomains = {
  emailDomains: string[];
  role: string;
  projects: { projectUuid: string; role: string }[];
};

export type JoinableOrganization = AllowedEmailDomains & { organizationUuid: string; name: string; membersCount: number };

/** An organization's allowed e-mail domains (one row per organization) and the organizations open to a domain. */
export class EmailDomainRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async get(organizationUuid: string): Promise<AllowedEmailDomains | undefined> {
    const row = await this.db
      .selectFrom('organization_allowed_email_domains')
      .select(['email_domains', 'role', 'projects'])
      .where('organization_uuid', '=', organizationUuid)
      .executeTakeFirst();
    return row && { emailDomains: row.email_domains, role: row.role, projects: row.projects };
  }

  async upsert(organizationUuid: string, values: AllowedEmailDomains): Promise<void> {
    const row = {
      email_domains: JSON.stringify(values.emailDomains),
      role: values.role,
      projects: JSON.stringify(values.projects),
    };
    await this.db
      .insertInto('organization_allowed_email_domains')
      .values({ organization_uuid: organizationUuid, ...row })
      .onConflict((oc) => oc.column('organization_uuid').doUpdateSet(row))
      .execute();
  }

  /** Organizations whose allowed domains contain `domain` (already normalised), with their member count. */
  async organizationsForDomain(domain: string): Promise<JoinableOrganization[]> {
    const rows = await this.db
      .selectFrom('organization_allowed_email_domains as d')
      .innerJoin('organizations as o', 'o.organization_uuid', 'd.organization_uuid')
      .select((eb) => [
        'o.organization_uuid',
        'o.name',
        'd.email_domains',
        'd.role',
        'd.projects',
        eb
          .selectFrom('organization_memberships as m')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('m.organization_uuid', '=', 'o.organization_uuid')
          .as('members_count'),
      ])
      .where(sql<boolean>`${sql.ref('d.email_domains')} @> ${JSON.stringify([domain])}::jsonb`)
      .orderBy('o.name')
      .orderBy('o.organization_uuid')
      .execute();
    return rows.map((r) => ({
      organizationUuid: r.organization_uuid,
      name: r.name,
      membersCount: Number(r.members_count ?? 0),
      emailDomains: r.email_domains,
      role: r.role,
      projects: r.projects,
    }));
  }

  async addProjectMemberships(userUuid: string, grants: readonly { projectUuid: string; role: string }[], db: Db = this.db) {
    if (grants.length === 0) return;
    await db
      .insertInto('project_memberships')
      .values(grants.map((g) => ({ project_uuid: g.projectUuid, user_uuid: userUuid, role: g.role })))
      .onConflict((oc) => oc.columns(['project_uuid', 'user_uuid']).doNothing())
      .execute();
  }
}
