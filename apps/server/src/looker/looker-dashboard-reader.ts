import { ForbiddenError, isExploreError, NotFoundError } from '@tessera/core';
import type { SavedChartReader } from '../charts/saved-chart-reader.js';
import type { DashboardRecord, DashboardRepository } from '../dashboards/dashboard-repository.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { ExploreCache } from '../query/explore-cache.js';
import type { SpaceAccess, SpaceRow } from '../spaces/space-access.js';
import { toLookerDashboard, type DashboardParts, type LookerDashboardDto, type TileChart } from './looker-dashboard-dto.js';
import type { LookerDashboardRepository, LookerSettings } from './looker-dashboard-repository.js';
import { MethodNotAllowedError } from './looker-errors.js';
import { ExploreFields, type FieldNaming } from './looker-explore-fields.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ALL_PARTS: DashboardParts = { elements: true, filters: true, layouts: true };

/** The parts a `fields=` selection needs (all without one). */
export const partsFor = (fields: string | undefined): DashboardParts => {
  if (fields === undefined || fields.trim() === '') return ALL_PARTS;
  const has = (name: string) => new RegExp(`(^|[,(\\s])${name}($|[,()\\s])`).test(fields);
  return { elements: has('dashboard_elements'), filters: has('dashboard_filters'), layouts: has('dashboard_layouts') };
};

/**
 * Reads dashboards for the Looker face: finds and authorizes them (view of their space, the same
 * policy as API v1), and presents them with their Looker settings, each chart tile's content as
 * an element query and its explore's fields (for `view.field` names and filter expressions).
 */
export class LookerDashboardReader {
  constructor(
    private readonly dashboards: DashboardRepository,
    private readonly looker: LookerDashboardRepository,
    private readonly charts: SavedChartReader,
    private readonly spaces: SpaceAccess,
    private readonly explores: ExploreCache,
    readonly namingFor: (projectUuid: string) => Promise<FieldNaming | undefined> = async () => undefined,
  ) {}

  /** The dashboard with this Looker id (the Tessera uuid, or its integer number), authorized for `action`. */
  async find(account: MemberAccount, id: string, action: 'view' | 'edit'): Promise<{ record: DashboardRecord; space: SpaceRow }> {
    const uuid = UUID.test(id) ? id.toLowerCase() : /^\d{1,9}$/.test(id) ? await this.looker.uuidByNumber(Number(id)) : undefined;
    if (uuid === undefined) {
      // LookML dashboards (`model::name`) are files: they are imported, never changed here (Looker's 405).
      if (id.includes('::') && action === 'edit') throw new MethodNotAllowedError(`${id} is a LookML dashboard, which cannot be changed: import it (import_lookml_dashboard) and change the copy`);
      const hint = id.includes('::') ? ': LookML dashboards are read through import_lookml_dashboard' : '';
      throw new NotFoundError(`Dashboard ${id} not found${hint}`);
    }
    const record = await this.dashboards.find(uuid);
    if (!record) throw new NotFoundError(`Dashboard ${id} not found`);
    const space = await this.spaces.authorize(account, record.spaceUuid, action);
    return { record, space };
  }

  async get(account: MemberAccount, id: string, parts: DashboardParts = ALL_PARTS): Promise<LookerDashboardDto> {
    const { record, space } = await this.find(account, id, 'view');
    return this.present(account, record, space, parts);
  }

  async present(account: MemberAccount, record: DashboardRecord, space: SpaceRow, parts: DashboardParts, known?: LookerSettings): Promise<LookerDashboardDto> {
    const settings = known ?? (await this.looker.settings([record.dashboardUuid])).get(record.dashboardUuid);
    if (!settings) throw new NotFoundError(`Dashboard ${record.dashboardUuid} not found`);
    const charts = parts.elements || parts.layouts ? await this.tileCharts(account, record) : new Map<string, TileChart>();
    return toLookerDashboard(record, space, settings, charts, parts);
  }

  /** The explore's fields, or undefined when the project lacks it or it does not compile. */
  async exploreFields(projectUuid: string, explore: string): Promise<ExploreFields | undefined> {
    try {
      const compiled = await this.explores.get(projectUuid, explore);
      return isExploreError(compiled) ? undefined : new ExploreFields(compiled, await this.namingFor(projectUuid));
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  private async tileCharts(account: MemberAccount, record: DashboardRecord): Promise<Map<string, TileChart>> {
    const charts = new Map<string, TileChart>();
    const fields = new Map<string, Promise<ExploreFields | undefined>>();
    for (const tile of record.tiles) {
      if (tile.savedChartUuid === null) continue;
      let version;
      try {
        ({ version } = await this.charts.getForTile(account, tile.savedChartUuid));
      } catch (error) {
        // A chart of another space the reader may not open: its element shows no query.
        if (error instanceof ForbiddenError || error instanceof NotFoundError) continue;
        throw error;
      }
      if (!fields.has(version.tableName)) fields.set(version.tableName, this.exploreFields(record.projectUuid, version.tableName));
      charts.set(tile.uuid, { content: version, fields: await fields.get(version.tableName) });
    }
    return charts;
  }
}
