import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What a pinned item is: the spec's `ResourceViewItemType`. */
export type PinKind = 'chart' | 'dashboard' | 'space';

export const PIN_KINDS: readonly PinKind[] = ['chart', 'dashboard', 'space'];

const COLUMN = { chart: 'saved_query_uuid', dashboard: 'dashboard_uuid', space: 'space_uuid' } as const;

export type Pin = { kind: PinKind; uuid: string; order: number };

/** Where an item sits in its project's pinned list (the `pinnedListUuid` / `pinnedListOrder` of responses). */
export type PinStatus = { pinnedListUuid: string; pinnedListOrder: number };

/**
 * Pinned lists (one per project, made on first use) and their items (`pinned_lists`,
 * `pinned_items`). Other domains read an item's pin status with `statusOf`.
 */
export class PinnedListRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** The project's pinned list, if one was made. */
  async listOfProject(projectUuid: string, db: Db = this.db): Promise<string | undefined> {
    const row = await db.selectFrom('pinned_lists').select('pinned_list_uuid').where('project_uuid', '=', projectUuid).executeTakeFirst();
    return row?.pinned_list_uuid;
  }

  /** The project a pinned list belongs to, if the list exists. */
  async projectOfList(pinnedListUuid: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('pinned_lists').select('project_uuid').where('pinned_list_uuid', '=', pinnedListUuid).executeTakeFirst();
    return row?.project_uuid;
  }

  /** The project's pinned list, made now if it has none (safe when two requests race). */
  async ensureList(projectUuid: string, at: Date, db: Db = this.db): Promise<string> {
    await db
      .insertInto('pinned_lists')
      .values({ pinned_list_uuid: randomUUID(), project_uuid: projectUuid, created_at: at })
      .onConflict((oc) => oc.column('project_uuid').doNothing())
      .execute();
    const list = await this.listOfProject(projectUuid, db);
    if (!list) throw new Error(`pinned list of project ${projectUuid} vanished while being made`);
    return list;
  }

  /** Pins the item at the end of the list; false when it was pinned already. */
  async add(pinnedListUuid: string, kind: PinKind, uuid: string, at: Date, db: Db = this.db): Promise<boolean> {
    const last = await db
      .selectFrom('pinned_items')
      .select((eb) => eb.fn.max('pinned_order').as('max'))
      .where('pinned_list_uuid', '=', pinnedListUuid)
      .executeTakeFirst();
    const result = await db
      .insertInto('pinned_items')
      .values({
        pinned_item_uuid: randomUUID(),
        pinned_list_uuid: pinnedListUuid,
        saved_query_uuid: null,
        dashboard_uuid: null,
        space_uuid: null,
        [COLUMN[kind]]: uuid,
        pinned_order: Math.floor(Number(last?.max ?? -1)) + 1,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['pinned_list_uuid', COLUMN[kind]]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Unpins the item; false when it was not pinned. */
  async remove(pinnedListUuid: string, kind: PinKind, uuid: string, db: Db = this.db): Promise<boolean> {
    const result = await db
      .deleteFrom('pinned_items')
      .where('pinned_list_uuid', '=', pinnedListUuid)
      .where(COLUMN[kind], '=', uuid)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Every item of the list, in list order (ties: first pinned first). */
  async items(pinnedListUuid: string, db: Db = this.db): Promise<Pin[]> {
    const rows = await db
      .selectFrom('pinned_items')
      .select(['saved_query_uuid', 'dashboard_uuid', 'space_uuid', 'pinned_order'])
      .where('pinned_list_uuid', '=', pinnedListUuid)
      .orderBy('pinned_order')
      .orderBy('created_at')
      .orderBy('pinned_item_uuid')
      .execute();
    return rows.map((r) => {
      if (r.saved_query_uuid !== null) return { kind: 'chart', uuid: r.saved_query_uuid, order: r.pinned_order };
      if (r.dashboard_uuid !== null) return { kind: 'dashboard', uuid: r.dashboard_uuid, order: r.pinned_order };
      return { kind: 'space', uuid: r.space_uuid ?? '', order: r.pinned_order };
    });
  }

  async setOrder(pinnedListUuid: string, kind: PinKind, uuid: string, order: number, db: Db = this.db): Promise<void> {
    await db
      .updateTable('pinned_items')
      .set({ pinned_order: order })
      .where('pinned_list_uuid', '=', pinnedListUuid)
      .where(COLUMN[kind], '=', uuid)
      .execute();
  }

  /** Pin status of charts, dashboards or spaces by uuid (absent: not pinned). For any domain's responses. */
  async statusOf(kind: PinKind, uuids: readonly string[], db: Db = this.db): Promise<Map<string, PinStatus>> {
    if (uuids.length === 0) return new Map();
    const column = COLUMN[kind];
    const rows = await db
      .selectFrom('pinned_items')
      .select([`${column} as uuid`, 'pinned_list_uuid', 'pinned_order'])
      .where(column, 'in', [...new Set(uuids)])
      .execute();
    return new Map(rows.map((r) => [r.uuid ?? '', { pinnedListUuid: r.pinned_list_uuid, pinnedListOrder: r.pinned_order }]));
  }
}
