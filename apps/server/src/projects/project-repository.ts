import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ProjectsTable } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored project: settings in clear, connections only as ciphertext. */
export type ProjectRecord = {
  projectUuid: string;
  organizationUuid: string;
  name: string;
  type: 'DEFAULT' | 'PREVIEW';
  warehouseType: string;
  requireUserCredentials: boolean;
  dbtConnectionType: string;
  encryptedDbtConnection: string | null;
  encryptedWarehouseConnection: string | null;
  encryptedSemanticLayerConnection: string | null;
  dbtVersion: string;
  schedulerTimezone: string;
  /** Seconds query results stay cached; null: the server's default. */
  resultsCacheTtlSeconds: number | null;
  upstreamProjectUuid: string | null;
  createdByUserUuid: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The project's pinned list (content/), null until something is first pinned. */
  pinnedListUuid: string | null;
};

/** The writable columns (all optional on update). */
export type ProjectValues = {
  name: string;
  warehouseType: string;
  requireUserCredentials: boolean;
  dbtConnectionType: string;
  encryptedDbtConnection: string | null;
  encryptedWarehouseConnection: string | null;
  encryptedSemanticLayerConnection: string | null;
  dbtVersion: string;
  schedulerTimezone: string;
  resultsCacheTtlSeconds: number | null;
  upstreamProjectUuid: string | null;
};

const toRecord = (row: Selectable<ProjectsTable> & { pinned_list_uuid: string | null }): ProjectRecord => ({
  projectUuid: row.project_uuid,
  organizationUuid: row.organization_uuid,
  name: row.name,
  type: row.type === 'PREVIEW' ? 'PREVIEW' : 'DEFAULT',
  warehouseType: row.warehouse_type,
  requireUserCredentials: row.require_user_credentials,
  dbtConnectionType: row.dbt_connection_type,
  encryptedDbtConnection: row.dbt_connection_encrypted,
  encryptedWarehouseConnection: row.warehouse_connection_encrypted,
  encryptedSemanticLayerConnection: row.semantic_layer_connection_encrypted,
  dbtVersion: row.dbt_version,
  schedulerTimezone: row.scheduler_timezone,
  resultsCacheTtlSeconds: row.results_cache_ttl_seconds,
  upstreamProjectUuid: row.upstream_project_uuid,
  createdByUserUuid: row.created_by_user_uuid,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  pinnedListUuid: row.pinned_list_uuid,
});

const columns = (v: Partial<ProjectValues>) => ({
  ...(v.name !== undefined ? { name: v.name } : {}),
  ...(v.warehouseType !== undefined ? { warehouse_type: v.warehouseType } : {}),
  ...(v.requireUserCredentials !== undefined ? { require_user_credentials: v.requireUserCredentials } : {}),
  ...(v.dbtConnectionType !== undefined ? { dbt_connection_type: v.dbtConnectionType } : {}),
  ...(v.encryptedDbtConnection !== undefined ? { dbt_connection_encrypted: v.encryptedDbtConnection } : {}),
  ...(v.encryptedWarehouseConnection !== undefined ? { warehouse_connection_encrypted: v.encryptedWarehouseConnection } : {}),
  ...(v.encryptedSemanticLayerConnection !== undefined
    ? { semantic_layer_connection_encrypted: v.encryptedSemanticLayerConnection }
    : {}),
  ...(v.dbtVersion !== undefined ? { dbt_version: v.dbtVersion } : {}),
  ...(v.schedulerTimezone !== undefined ? { scheduler_timezone: v.schedulerTimezone } : {}),
  ...(v.upstreamProjectUuid !== undefined ? { upstream_project_uuid: v.upstreamProjectUuid } : {}),
  ...(v.resultsCacheTtlSeconds !== undefined ? { results_cache_ttl_seconds: v.resultsCacheTtlSeconds } : {}),
});

/** Projects, their creator's membership and their uploaded manifests. */
export class ProjectRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** `lock` takes a row lock (inside a transaction) so concurrent updates apply one after the other. */
  async find(projectUuid: string, db: Db = this.db, lock = false): Promise<ProjectRecord | undefined> {
    let query = db
      .selectFrom('projects')
      .selectAll('projects')
      .select((eb) =>
        eb.selectFrom('pinned_lists').select('pinned_list_uuid').whereRef('pinned_lists.project_uuid', '=', 'projects.project_uuid').as('pinned_list_uuid'),
      )
      .where('project_uuid', '=', projectUuid);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row && toRecord(row);
  }

  async insert(
    values: ProjectValues & { projectUuid: string; organizationUuid: string; type: string; createdByUserUuid: string; at: Date },
    db: Db = this.db,
  ): Promise<void> {
    await db
      .insertInto('projects')
      .values({
        project_uuid: values.projectUuid,
        organization_uuid: values.organizationUuid,
        type: values.type,
        created_by_user_uuid: values.createdByUserUuid,
        created_at: values.at,
        updated_at: values.at,
        ...columns(values),
        name: values.name,
        warehouse_type: values.warehouseType,
      })
      .execute();
  }

  async update(projectUuid: string, values: Partial<ProjectValues>, at: Date, db: Db = this.db): Promise<void> {
    await db
      .updateTable('projects')
      .set({ ...columns(values), updated_at: at })
      .where('project_uuid', '=', projectUuid)
      .execute();
  }

  /** Deletes the project; memberships, group access and its manifest cascade, previews keep no upstream. */
  async delete(projectUuid: string, db: Db = this.db): Promise<boolean> {
    const result = await db.deleteFrom('projects').where('project_uuid', '=', projectUuid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async addMember(projectUuid: string, userUuid: string, role: string, at: Date, db: Db = this.db): Promise<void> {
    await db
      .insertInto('project_memberships')
      .values({ project_uuid: projectUuid, user_uuid: userUuid, role, created_at: at })
      .onConflict((oc) => oc.columns(['project_uuid', 'user_uuid']).doUpdateSet({ role }))
      .execute();
  }

  async findManifest(projectUuid: string, db: Db = this.db): Promise<{ manifest: string; uploadedAt: Date } | undefined> {
    const row = await db
      .selectFrom('project_manifests')
      .select(['manifest', 'uploaded_at'])
      .where('project_uuid', '=', projectUuid)
      .executeTakeFirst();
    return row && { manifest: row.manifest, uploadedAt: row.uploaded_at };
  }

  async putManifest(projectUuid: string, manifest: string, userUuid: string, at: Date, db: Db = this.db): Promise<void> {
    await db
      .insertInto('project_manifests')
      .values({ project_uuid: projectUuid, manifest, uploaded_at: at, uploaded_by_user_uuid: userUuid })
      .onConflict((oc) =>
        oc.column('project_uuid').doUpdateSet({ manifest, uploaded_at: at, uploaded_by_user_uuid: userUuid }),
      )
      .execute();
  }

  async deleteManifest(projectUuid: string, db: Db = this.db): Promise<void> {
    await db.deleteFrom('project_manifests').where('project_uuid', '=', projectUuid).execute();
  }

  /** Copies the source's manifest (if any) to the target, in SQL: a large manifest never passes through Node. */
  async copyManifest(sourceUuid: string, targetUuid: string, userUuid: string, at: Date, db: Db = this.db): Promise<void> {
    await db
      .insertInto('project_manifests')
      .columns(['project_uuid', 'manifest', 'uploaded_at', 'uploaded_by_user_uuid'])
      .expression((eb) =>
        eb
          .selectFrom('project_manifests')
          .select((s) => [
            s.cast<string>(s.val(targetUuid), 'uuid').as('project_uuid'),
            'manifest',
            s.cast<Date>(s.val(at.toISOString()), 'timestamptz').as('uploaded_at'),
            s.cast<string>(s.val(userUuid), 'uuid').as('uploaded_by_user_uuid'),
          ])
          .where('project_uuid', '=', sourceUuid),
      )
      .execute();
  }
}
