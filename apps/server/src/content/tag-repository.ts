import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export type Tag = {
  tagUuid: string;
  projectUuid: string;
  name: string;
  color: string;
  createdAt: Date;
  createdBy: { userUuid: string; firstName: string; lastName: string } | null;
};

/** A project's tags (table `tags`); names are unique per project, case-insensitively (23505 otherwise). */
export class TagRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The project's tags by name, with their creator (null once that user is deleted). */
  async list(projectUuid: string): Promise<Tag[]> {
    const rows = await this.db
      .selectFrom('tags as t')
      .leftJoin('users as u', 'u.user_uuid', 't.created_by_user_uuid')
      .select(['t.tag_uuid', 't.project_uuid', 't.name', 't.color', 't.created_at', 'u.user_uuid', 'u.first_name', 'u.last_name'])
      .where('t.project_uuid', '=', projectUuid)
      .orderBy((eb) => eb.fn('lower', ['t.name']))
      .orderBy('t.created_at')
      .execute();
    return rows.map((r) => ({
      tagUuid: r.tag_uuid,
      projectUuid: r.project_uuid,
      name: r.name,
      color: r.color,
      createdAt: r.created_at,
      createdBy: r.user_uuid === null ? null : { userUuid: r.user_uuid, firstName: r.first_name ?? '', lastName: r.last_name ?? '' },
    }));
  }

  async insert(values: { tagUuid: string; projectUuid: string; name: string; color: string; userUuid: string; at: Date }): Promise<void> {
    await this.db
      .insertInto('tags')
      .values({
        tag_uuid: values.tagUuid,
        project_uuid: values.projectUuid,
        name: values.name,
        color: values.color,
        created_by_user_uuid: values.userUuid,
        created_at: values.at,
        updated_at: values.at,
      })
      .execute();
  }

  /** Updates a tag of the project; false when the project has no such tag. */
  async update(projectUuid: string, tagUuid: string, values: { name?: string; color?: string; at: Date }): Promise<boolean> {
    const result = await this.db
      .updateTable('tags')
      .set({
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.color !== undefined ? { color: values.color } : {}),
        updated_at: values.at,
      })
      .where('project_uuid', '=', projectUuid)
      .where('tag_uuid', '=', tagUuid)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(projectUuid: string, tagUuid: string): Promise<boolean> {
    const result = await this.db.deleteFrom('tags').where('project_uuid', '=', projectUuid).where('tag_uuid', '=', tagUuid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
