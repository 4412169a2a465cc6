import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Test fixtures: charts and dashboards inserted directly (their domains own the tables). */

type Common = { name?: string; views?: number; updatedAt?: Date; updatedByUserUuid?: string | null };

/** A chart in a space, or owned by a dashboard (`dashboardUuid`, no space). */
export const insertChart = async (
  db: Kysely<Database>,
  projectUuid: string,
  home: { spaceUuid: string } | { dashboardUuid: string },
  values: Common = {},
): Promise<string> => {
  const uuid = randomUUID();
  await db
    .insertInto('saved_queries')
    .values({
      saved_query_uuid: uuid,
      project_uuid: projectUuid,
      space_uuid: 'spaceUuid' in home ? home.spaceUuid : null,
      dashboard_uuid: 'dashboardUuid' in home ? home.dashboardUuid : null,
      name: values.name ?? `Chart ${uuid.slice(0, 6)}`,
      description: null,
      slug: `chart-${uuid}`,
      chart_kind: 'vertical_bar',
      chart_type: 'cartesian',
      views_count: values.views ?? 0,
      first_viewed_at: values.views ? new Date('2026-01-01T00:00:00Z') : null,
      updated_at: values.updatedAt ?? new Date(),
      updated_by_user_uuid: values.updatedByUserUuid ?? null,
    })
    .execute();
  return uuid;
};

export const insertDashboard = async (db: Kysely<Database>, projectUuid: string, spaceUuid: string, values: Common = {}): Promise<string> => {
  const uuid = randomUUID();
  await db
    .insertInto('dashboards')
    .values({
      dashboard_uuid: uuid,
      project_uuid: projectUuid,
      space_uuid: spaceUuid,
      name: values.name ?? `Dashboard ${uuid.slice(0, 6)}`,
      description: 'About it',
      slug: `dashboard-${uuid}`,
      filters: JSON.stringify({ dimensions: [], metrics: [], tableCalculations: [] }),
      tabs: JSON.stringify([]),
      views_count: values.views ?? 0,
      first_viewed_at: values.views ? new Date('2026-01-01T00:00:00Z') : null,
      updated_at: values.updatedAt ?? new Date(),
      updated_by_user_uuid: values.updatedByUserUuid ?? null,
    })
    .execute();
  return uuid;
};
