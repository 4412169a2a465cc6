import type { SavedChartService } from '../charts/saved-chart-service.js';
import type { DashboardFilterRule, DashboardFilters } from '../dashboards/dashboard-filters.js';
import type { DashboardRecord } from '../dashboards/dashboard-repository.js';
import type { TileInput, UpdateDashboardInput } from '../dashboards/dashboard-schemas.js';
import type { DashboardService } from '../dashboards/dashboard-service.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import type { LookerDashboardDto } from './looker-dashboard-dto.js';
import { toDashboardRule, type LookerFilterInput } from './looker-dashboard-filters.js';
import type { LookerDashboardReader } from './looker-dashboard-reader.js';
import type { LookerAppearance, LookerDashboardRepository, SettingsChange } from './looker-dashboard-repository.js';
import type { LookerDashboardBody } from './looker-dashboard-schemas.js';
import { placesOf, planElements, type ElementInput, type PlannedTile } from './looker-elements.js';
import { toGrid } from './looker-layout.js';
import { ConflictError, LookerValidationError } from './looker-errors.js';
import type { MappingMode, MappingProblem } from './looker-query-mapper.js';

const APPEARANCE_KEYS = [
  'background_color',
  'title_color',
  'tile_text_color',
  'tile_background_color',
  'text_tile_text_color',
  'show_title',
  'show_filters_bar',
  'crossfilter_enabled',
  'load_configuration',
] as const;

/** What is being written besides the body: LookML imports name their model and which tiles listen to which filter. */
export type WriteOptions = {
  /** `lenient` for LookML imports (see MappingMode); the API is strict. */
  mode?: MappingMode;
  otherModels?: ReadonlySet<string>;
  tileTargets?: (filterName: string, tiles: readonly PlannedTile[]) => DashboardFilterRule['tileTargets'];
  filterFieldsOf?: (filter: LookerFilterInput) => string | undefined;
};

const elementsOf = (body: LookerDashboardBody): ElementInput[] | undefined =>
  body.dashboard_elements?.map((e) => ({ ...e, query: e.query ?? e.result_maker?.query ?? null }));

/**
 * create_dashboard / update_dashboard / delete_dashboard over the SAME dashboards as API v1: the
 * dashboard, its tiles and filters are written by DashboardService (its permission checks, grid
 * rules and transactions); charts of query elements are saved in the dashboard through
 * SavedChartService; Looker's own settings go to their columns. Everything a body asks for is
 * mapped and checked before anything is written (422 listing each problem).
 */
export class LookerDashboardService {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly charts: SavedChartService,
    private readonly reader: LookerDashboardReader,
    private readonly looker: LookerDashboardRepository,
    private readonly spaces: SpaceAccess,
    private readonly now: () => Date,
  ) {}

  async create(account: MemberAccount, body: LookerDashboardBody, options: WriteOptions = {}): Promise<LookerDashboardDto> {
    const spaceId = body.space_id ?? body.folder_id;
    const missing: MappingProblem[] = [];
    if (!spaceId) missing.push({ field: 'space_id', message: 'A dashboard needs the space (folder) it lives in' });
    if (!body.title) missing.push({ field: 'title', message: 'A dashboard needs a title' });
    if (missing.length > 0 || !spaceId || !body.title) throw invalid(missing);
    const space = await this.spaces.authorize(account, spaceId, 'edit');
    if (body.slug && (await this.looker.slugTaken(space.projectUuid, body.slug))) throw new ConflictError(`A dashboard with slug "${body.slug}" already exists in this project: pick another slug or leave it out`);
    const tiles = await this.planTiles(account, space.projectUuid, elementsOf(body) ?? [], body.dashboard_layouts, options);
    const filters = await this.planFilters(space.projectUuid, body.dashboard_filters ?? [], tiles, options);
    const created = await this.dashboards.create(account, space.projectUuid, {
      name: body.title,
      ...(body.description ? { description: body.description } : {}),
      spaceUuid: space.spaceUuid,
      tiles: tiles.filter((t) => t.kind === 'text').map((t) => tileInput(t, null)),
      tabs: [],
      filters: filters ?? undefined,
    });
    try {
      if (tiles.some((t) => t.kind === 'chart')) {
        const chartUuids = await this.saveCharts(account, space.projectUuid, created.uuid, tiles, new Map());
        await this.dashboards.update(account, created.uuid, { tiles: tiles.map((t) => tileInput(t, chartUuids.get(t.uuid) ?? null)) });
      }
      await this.looker.update(created.uuid, settingsChange(account, body, {}, false, this.now()), this.now());
      if (body.slug) await this.looker.setSlug(created.uuid, body.slug);
    } catch (error) {
      await this.dashboards.delete(account, created.uuid);
      throw error;
    }
    return this.reader.get(account, created.uuid);
  }

  async update(account: MemberAccount, id: string, body: LookerDashboardBody, options: WriteOptions = {}): Promise<LookerDashboardDto> {
    const { record } = await this.reader.find(account, id, 'edit');
    const elements = elementsOf(body);
    const tiles = elements ? await this.planTiles(account, record.projectUuid, elements, body.dashboard_layouts, options) : undefined;
    const filters = body.dashboard_filters ? await this.planFilters(record.projectUuid, body.dashboard_filters, tiles ?? [], options) : undefined;
    if (body.slug && body.slug !== record.slug && (await this.looker.slugTaken(record.projectUuid, body.slug, record.dashboardUuid))) {
      throw new ConflictError(`A dashboard with slug "${body.slug}" already exists in this project: pick another slug`);
    }
    const input: UpdateDashboardInput = {};
    if (body.title) input.name = body.title;
    if (body.description !== undefined) input.description = body.description ?? '';
    const spaceId = body.space_id ?? body.folder_id;
    if (spaceId && spaceId.toLowerCase() !== record.spaceUuid) input.spaceUuid = spaceId;
    if (filters) input.filters = filters;
    if (tiles) {
      const owned = new Map(record.tiles.filter((t) => t.savedChartUuid && t.chart?.dashboardUuid === record.dashboardUuid).map((t) => [t.uuid, t.savedChartUuid!]));
      const chartUuids = await this.saveCharts(account, record.projectUuid, record.dashboardUuid, tiles, owned);
      input.tiles = tiles.map((t) => tileInput(t, chartUuids.get(t.uuid) ?? null));
    } else if (body.dashboard_layouts) {
      input.tiles = replaced(record, placesOf(body.dashboard_layouts));
    }
    if (Object.keys(input).length > 0) await this.dashboards.update(account, record.dashboardUuid, input);
    const current = (await this.looker.settings([record.dashboardUuid])).get(record.dashboardUuid);
    const change = settingsChange(account, body, current?.appearance ?? {}, current?.deletedAt != null, this.now());
    await this.looker.update(record.dashboardUuid, change, this.now());
    if (body.slug && body.slug !== record.slug) await this.looker.setSlug(record.dashboardUuid, body.slug);
    return this.reader.get(account, record.dashboardUuid);
  }

  async delete(account: MemberAccount, id: string): Promise<void> {
    const { record } = await this.reader.find(account, id, 'edit');
    await this.dashboards.delete(account, record.dashboardUuid);
  }

  private async planTiles(account: MemberAccount, projectUuid: string, elements: ElementInput[], layouts: LookerDashboardBody['dashboard_layouts'], options: WriteOptions): Promise<PlannedTile[]> {
    const projects = await this.looker.projects(account.organization.organizationUuid);
    const project = projects.find((p) => p.projectUuid === projectUuid);
    const projectName = project?.name ?? projectUuid;
    const planned = await planElements(elements, placesOf(layouts), {
      projectName,
      otherModels: options.otherModels ?? new Set(),
      otherProjects: new Set(projects.filter((p) => p.projectUuid !== projectUuid).map((p) => p.name)),
      fieldsOf: async (explore) => (await this.reader.exploreFields(projectUuid, explore)) ?? `Explore "${explore}" does not exist in project "${projectName}" (or does not compile)`,
      mode: options.mode ?? 'strict',
    });
    if ('problems' in planned) throw invalid(planned.problems);
    return planned.tiles;
  }

  private async planFilters(projectUuid: string, filters: readonly LookerFilterInput[], tiles: readonly PlannedTile[], options: WriteOptions): Promise<DashboardFilters | undefined> {
    const planned: DashboardFilters = { dimensions: [], metrics: [], tableCalculations: [] };
    const problems: MappingProblem[] = [];
    for (const [i, filter] of filters.entries()) {
      const path = `dashboard_filters[${i}]`;
      const explore = options.filterFieldsOf?.(filter) ?? filter.explore ?? tiles.find((t) => t.kind === 'chart')?.explore;
      const fields = explore ? await this.reader.exploreFields(projectUuid, explore) : undefined;
      if (!fields) {
        problems.push({ field: `${path}.explore`, message: explore ? `Explore "${explore}" does not exist in this project (or does not compile)` : 'A dashboard filter needs the explore of its field' });
        continue;
      }
      const targets = options.tileTargets?.(filter.name ?? '', tiles);
      const mapped = toDashboardRule(filter, fields, path, targets);
      if ('problems' in mapped) problems.push(...mapped.problems);
      else planned[mapped.group].push(mapped.rule);
    }
    if (problems.length > 0) throw invalid(problems);
    return planned;
  }

  /** Saves each chart tile's content: a new version of the chart the tile already owns (when changed), else a new chart in the dashboard. */
  private async saveCharts(account: MemberAccount, projectUuid: string, dashboardUuid: string, tiles: readonly PlannedTile[], owned: ReadonlyMap<string, string>): Promise<Map<string, string>> {
    const chartUuids = new Map<string, string>();
    for (const tile of tiles) {
      if (tile.kind !== 'chart') continue;
      const existing = owned.get(tile.uuid);
      const description = tile.notes.length > 0 ? `Mapped from Looker with changes: ${tile.notes.join('; ')}` : null;
      if (existing) {
        await this.charts.addVersion(account, existing, tile.content, description);
        chartUuids.set(tile.uuid, existing);
        continue;
      }
      const chart = await this.charts.create(account, projectUuid, { name: tile.title || tile.explore, description, dashboardUuid, ...tile.content });
      chartUuids.set(tile.uuid, chart.uuid);
    }
    return chartUuids;
  }
}

const invalid = (problems: readonly MappingProblem[]) =>
  new LookerValidationError(`Validation Failed: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, [...problems]);

const tileInput = (tile: PlannedTile, chartUuid: string | null): TileInput => {
  const place = { uuid: tile.uuid, ...tile.place, tabUuid: null };
  if (tile.kind === 'text' || chartUuid === null) {
    return { ...place, type: 'markdown', properties: { title: tile.title, content: tile.kind === 'text' ? tile.content : '' } };
  }
  return { ...place, type: 'saved_chart', properties: { savedChartUuid: chartUuid, title: tile.title, ...(tile.hideTitle ? { hideTitle: true } : {}) } };
};

/** The dashboard's tiles as they are, at the places a layout gives them. */
const replaced = (record: DashboardRecord, places: ReturnType<typeof placesOf>): TileInput[] =>
  record.tiles.map((t) => {
    const place = places.get(t.uuid);
    const grid = place ? toGrid(place) : { x: t.x, y: t.y, w: t.w, h: t.h };
    const base = { uuid: t.uuid, ...grid, tabUuid: t.tabUuid };
    if (t.type === 'saved_chart') return { ...base, type: 'saved_chart', properties: { ...t.properties, savedChartUuid: t.savedChartUuid } } as TileInput;
    return { ...base, type: t.type, properties: t.properties } as TileInput;
  });

/** The settings a body changes: appearance keys merge into the stored ones; `deleted` only acts on a change of state. */
const settingsChange = (account: MemberAccount, body: LookerDashboardBody, stored: LookerAppearance, wasDeleted: boolean, at: Date): SettingsChange => {
  const appearance: LookerAppearance = { ...stored };
  let appearanceGiven = false;
  for (const key of APPEARANCE_KEYS) {
    if (body[key] === undefined) continue;
    (appearance as Record<string, unknown>)[key] = body[key];
    appearanceGiven = true;
  }
  return {
    ...(body.hidden !== undefined ? { hidden: body.hidden } : {}),
    ...(body.refresh_interval !== undefined ? { refreshInterval: body.refresh_interval ?? null } : {}),
    ...(body.query_timezone !== undefined ? { queryTimezone: body.query_timezone ?? null } : {}),
    ...(body.lookml_link_id !== undefined ? { lookmlLinkId: body.lookml_link_id ?? null } : {}),
    ...(appearanceGiven ? { appearance } : {}),
    ...(body.deleted !== undefined && body.deleted !== wasDeleted ? { deleted: body.deleted ? { at, by: account.user.userUuid } : null } : {}),
  };
};
