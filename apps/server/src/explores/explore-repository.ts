import type { Explore, ExploreError } from '@tessera/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export type CompiledExplore = Explore | ExploreError;
export type TableSelection = { type: 'ALL_TABLES' | 'WITH_TAGS' | 'WITH_NAMES'; value: string[] | null };

/** A project's compiled explores (replaced whole on each compile) and its table selection. */
export class ExploreRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async save(projectUuid: string, explores: readonly unknown[], at: Date): Promise<void> {
    const explores_ = JSON.stringify(explores);
    await this.db
      .insertInto('project_explores')
      .values({ project_uuid: projectUuid, explores: explores_, compiled_at: at })
      .onConflict((oc) => oc.column('project_uuid').doUpdateSet({ explores: explores_, compiled_at: at }))
      .execute();
  }

  async list(projectUuid: string): Promise<CompiledExplore[] | undefined> {
    const row = await this.db.selectFrom('project_explores').select('explores').where('project_uuid', '=', projectUuid).executeTakeFirst();
    return row?.explores as CompiledExplore[] | undefined;
  }

  /**
   * A version of the project's explores that changes whenever they are replaced (a cheap check for
   * caches of `list`): the row's transaction id, since two saves may share a `compiled_at`.
   */
  async version(projectUuid: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('project_explores')
      .select(sql<string>`xmin::text`.as('version'))
      .where('project_uuid', '=', projectUuid)
      .executeTakeFirst();
    return row?.version;
  }

  async tableSelection(projectUuid: string): Promise<TableSelection> {
    const row = await this.db
      .selectFrom('project_tables_configuration')
      .select('table_selection')
      .where('project_uuid', '=', projectUuid)
      .executeTakeFirst();
    return (row?.table_selection as TableSelection | undefined) ?? { type: 'ALL_TABLES', value: null };
  }

  async saveTableSelection(projectUuid: string, selection: TableSelection): Promise<void> {
    const value = JSON.stringify(selection);
    await this.db
      .insertInto('project_tables_configuration')
      .values({ project_uuid: projectUuid, table_selection: value })
      .onConflict((oc) => oc.column('project_uuid').doUpdateSet({ table_selection: value }))
      .execute();
  }
}
