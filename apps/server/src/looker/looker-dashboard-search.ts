import { NotFoundError, ParameterError } from '@tessera/core';
import type { DashboardRepository } from '../dashboards/dashboard-repository.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import type { DashboardParts, LookerDashboardDto } from './looker-dashboard-dto.js';
import { partsFor, type LookerDashboardReader } from './looker-dashboard-reader.js';
import { SORT_COLUMNS, type DashboardSearch, type LookerDashboardRepository, type SortColumn } from './looker-dashboard-repository.js';
import type { SearchQuery } from './looker-dashboard-schemas.js';

/** The most dashboards one search answers without paging. */
export const MAX_RESULTS = 1000;

const DASHBOARD_BASE_KEYS = [
  'can',
  'content_favorite_id',
  'content_metadata_id',
  'description',
  'hidden',
  'id',
  'model',
  'query_timezone',
  'readonly',
  'refresh_interval',
  'refresh_interval_to_i',
  'folder',
  'title',
  'user_id',
  'space',
] as const;

const list = (value: string | undefined) => value?.split(',').map((v) => v.trim().toLowerCase()).filter((v) => v !== '');

/** `title desc, created_at` → sorts; an unknown field is a 400 naming it and the known ones. */
export const parseSorts = (sorts: string | undefined): DashboardSearch['sorts'] =>
  (sorts ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((clause) => {
      const [field = '', direction = 'asc', ...rest] = clause.split(/\s+/);
      if (!(field in SORT_COLUMNS) || !/^(asc|desc)$/i.test(direction) || rest.length > 0) {
        throw new ParameterError(`sorts: "${clause}" is not "<field> [asc|desc]" with a field of ${Object.keys(SORT_COLUMNS).join(', ')}`);
      }
      return { column: field as SortColumn, descending: direction.toLowerCase() === 'desc' };
    });

/**
 * all_dashboards and search_dashboards: the dashboards of every project of the organization in
 * spaces the account may view (the same space policy as API v1), filtered, sorted and paged in
 * the store, then presented (only the parts a `fields=` selection asks for).
 */
export class LookerDashboardSearch {
  constructor(
    private readonly looker: LookerDashboardRepository,
    private readonly dashboards: DashboardRepository,
    private readonly reader: LookerDashboardReader,
    private readonly spaces: SpaceAccess,
  ) {}

  async all(account: MemberAccount): Promise<Record<string, unknown>[]> {
    const none = { elements: false, filters: false, layouts: false };
    const found = await this.run(account, { deleted: false, sorts: [{ column: 'title', descending: false }], limit: 100_000, offset: 0 }, none);
    return found.map((d) => Object.fromEntries(DASHBOARD_BASE_KEYS.map((k) => [k, d[k]])));
  }

  async search(account: MemberAccount, query: SearchQuery): Promise<LookerDashboardDto[]> {
    if (query.content_favorite_id !== undefined) return []; // Tessera has no favorites: nothing is one.
    const perPage = query.per_page ?? query.limit ?? MAX_RESULTS;
    const offset = query.page !== undefined ? Math.max(0, query.page - 1) * perPage : (query.offset ?? 0);
    const spaceIds = [...(list(query.space_id) ?? []), ...(list(query.folder_id) ?? [])];
    const viewCount = query.view_count === undefined ? undefined : Number(query.view_count);
    if (viewCount !== undefined && !Number.isInteger(viewCount)) throw new ParameterError(`view_count: "${query.view_count}" is not a whole number`);
    const search: DashboardSearch = {
      ...(query.id !== undefined ? { ids: list(query.id) ?? [] } : {}),
      ...(query.slug !== undefined ? { slug: query.slug } : {}),
      ...(query.title !== undefined ? { title: query.title } : {}),
      ...(query.description !== undefined ? { description: query.description } : {}),
      ...(query.user_id !== undefined ? { userUuid: query.user_id.toLowerCase() } : {}),
      ...(viewCount !== undefined ? { viewCount } : {}),
      deleted: query.deleted === 'true',
      sorts: parseSorts(query.sorts),
      limit: Math.min(perPage, MAX_RESULTS),
      offset,
    };
    return this.run(account, search, partsFor(query.fields), spaceIds.length > 0 ? new Set(spaceIds) : undefined);
  }

  private async run(account: MemberAccount, search: DashboardSearch, parts: DashboardParts, onlySpaces?: ReadonlySet<string>): Promise<LookerDashboardDto[]> {
    const visible = new Set<string>();
    for (const project of await this.looker.projects(account.organization.organizationUuid)) {
      for (const space of await this.spaces.viewableSpaceUuids(account, project.projectUuid)) visible.add(space);
    }
    const spaceUuids = [...visible].filter((s) => !onlySpaces || onlySpaces.has(s));
    const uuids = await this.looker.search({ ...search, spaceUuids });
    const settings = await this.looker.settings(uuids);
    const found: LookerDashboardDto[] = [];
    for (const uuid of uuids) {
      const record = await this.dashboards.find(uuid);
      if (!record) continue; // deleted meanwhile
      try {
        const space = await this.spaces.authorize(account, record.spaceUuid, 'view');
        found.push(await this.reader.present(account, record, space, parts, settings.get(uuid)));
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return found;
  }
}
