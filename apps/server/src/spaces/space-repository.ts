import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Nesting deeper than this is refused on write and not followed on read (cycles cannot loop). */
export const MAX_SPACE_DEPTH = 32;

/**
 * A stored space. `isPrivate` is the *effective* privacy — its root's (nested spaces inherit it);
 * `ownIsPrivate` is the space's own column, consulted only when it is a root.
 */
export type SpaceRow = {
  spaceUuid: string;
  projectUuid: string;
  organizationUuid: string;
  parentSpaceUuid: string | null;
  rootSpaceUuid: string;
  name: string;
  slug: string;
  isPrivate: boolean;
  ownIsPrivate: boolean;
  createdByUserUuid: string | null;
  createdAt: Date;
  updatedAt: Date;
};

type RawSpace = {
  space_uuid: string;
  project_uuid: string;
  organization_uuid: string;
  parent_space_uuid: string | null;
  root_space_uuid: string;
  name: string;
  slug: string;
  is_private: boolean;
  own_is_private: boolean;
  created_by_user_uuid: string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

const toRow = (r: RawSpace): SpaceRow => ({
  spaceUuid: r.space_uuid,
  projectUuid: r.project_uuid,
  organizationUuid: r.organization_uuid,
  parentSpaceUuid: r.parent_space_uuid,
  rootSpaceUuid: r.root_space_uuid,
  name: r.name,
  slug: r.slug,
  isPrivate: r.is_private,
  ownIsPrivate: r.own_is_private,
  createdByUserUuid: r.created_by_user_uuid,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/**
 * Spaces and their root (one recursive query walking parent links, bounded by MAX_SPACE_DEPTH).
 * `where` filters the starting spaces.
 */
const spacesWithRoot = (db: Db, where: ReturnType<typeof sql>) =>
  sql<RawSpace>`
    with recursive chain(start_uuid, space_uuid, parent_space_uuid, is_private, depth) as (
      select s.space_uuid, s.space_uuid, s.parent_space_uuid, s.is_private, 0 from spaces s where ${where}
      union all
      select c.start_uuid, p.space_uuid, p.parent_space_uuid, p.is_private, c.depth + 1
        from chain c join spaces p on p.space_uuid = c.parent_space_uuid
       where c.depth < ${MAX_SPACE_DEPTH}
    ),
    roots as (
      select distinct on (start_uuid) start_uuid, space_uuid as root_space_uuid, is_private
        from chain order by start_uuid, depth desc
    )
    select s.space_uuid, s.project_uuid, p.organization_uuid, s.parent_space_uuid, r.root_space_uuid, s.name, s.slug,
           r.is_private, s.is_private as own_is_private, s.created_by_user_uuid, s.created_at, s.updated_at
      from spaces s
      join roots r on r.start_uuid = s.space_uuid
      join projects p on p.project_uuid = s.project_uuid
     order by lower(s.name), s.space_uuid`.execute(db);

export type NewSpace = {
  spaceUuid: string;
  projectUuid: string;
  parentSpaceUuid: string | null;
  name: string;
  slug: string;
  isPrivate: boolean;
  createdByUserUuid: string;
  at: Date;
};

/** The `spaces` table: rows, nesting and slugs. Grants live in SpaceGrantRepository. */
export class SpaceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async find(spaceUuid: string, db: Db = this.db): Promise<SpaceRow | undefined> {
    const { rows } = await spacesWithRoot(db, sql`s.space_uuid = ${spaceUuid}`);
    return rows[0] && toRow(rows[0]);
  }

  /** Every space of a project, each with its root, ordered by name. */
  async listProject(projectUuid: string, db: Db = this.db): Promise<SpaceRow[]> {
    const { rows } = await spacesWithRoot(db, sql`s.project_uuid = ${projectUuid}`);
    return rows.map(toRow);
  }

  /** How many levels sit above the space (0 for a root). */
  async depth(spaceUuid: string, db: Db = this.db): Promise<number> {
    const { rows } = await sql<{ depth: number }>`
      with recursive chain(space_uuid, parent_space_uuid, depth) as (
        select space_uuid, parent_space_uuid, 0 from spaces where space_uuid = ${spaceUuid}
        union all
        select p.space_uuid, p.parent_space_uuid, c.depth + 1 from chain c join spaces p on p.space_uuid = c.parent_space_uuid
         where c.depth < ${MAX_SPACE_DEPTH}
      )
      select max(depth)::int as depth from chain`.execute(db);
    return Number(rows[0]?.depth ?? 0);
  }

  /** The slugs of the project that start with `base` (to pick a free one). */
  async slugsLike(projectUuid: string, base: string, db: Db = this.db): Promise<Set<string>> {
    const rows = await db
      .selectFrom('spaces')
      .select('slug')
      .where('project_uuid', '=', projectUuid)
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`)]))
      .execute();
    return new Set(rows.map((r) => r.slug));
  }

  async insert(space: NewSpace, db: Db = this.db): Promise<void> {
    await db
      .insertInto('spaces')
      .values({
        space_uuid: space.spaceUuid,
        project_uuid: space.projectUuid,
        parent_space_uuid: space.parentSpaceUuid,
        name: space.name,
        slug: space.slug,
        is_private: space.isPrivate,
        created_by_user_uuid: space.createdByUserUuid,
        created_at: space.at,
        updated_at: space.at,
      })
      .execute();
  }

  async update(spaceUuid: string, values: { name: string; isPrivate: boolean }, at: Date, db: Db = this.db): Promise<void> {
    await db
      .updateTable('spaces')
      .set({ name: values.name, is_private: values.isPrivate, updated_at: at })
      .where('space_uuid', '=', spaceUuid)
      .execute();
  }

  /** Deletes the space; nested spaces, grants and content in them cascade. */
  async delete(spaceUuid: string, db: Db = this.db): Promise<boolean> {
    const result = await db.deleteFrom('spaces').where('space_uuid', '=', spaceUuid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
