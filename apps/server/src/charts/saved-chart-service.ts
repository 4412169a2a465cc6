import { randomUUID } from 'node:crypto';
import { ForbiddenError, NotFoundError, ParameterError } from '@tessera/core';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess, SpaceRow } from '../spaces/space-access.js';
import { isUniqueViolation } from '../store/database-errors.js';
import { chartKindOf } from './chart-kind.js';
import type { ChartContentBody, CreateChartBody, SaveVersionBody, UpdateChartBody } from './chart-schemas.js';
import { freeSlug, slugify } from './chart-slug.js';
import { loadedToDto, userShare, type SavedChartDto } from './saved-chart-dto.js';
import { homeSpaceUuid, type LoadedChart, type SavedChartReader } from './saved-chart-reader.js';
import type { ChartContent, ChartRecord, SavedChartRepository } from './saved-chart-repository.js';

/** Attempts at a free slug when concurrent creates pick the same one. */
const SLUG_ATTEMPTS = 5;

const contentOf = (body: ChartContentBody): ChartContent => ({
  tableName: body.tableName,
  metricQuery: body.metricQuery,
  chartConfig: body.chartConfig,
  tableConfig: body.tableConfig,
  pivotConfig: body.pivotConfig ?? null,
});

/**
 * Saved charts: create (in a space or a dashboard), read (by uuid or slug), update details, save a
 * new version, delete. Reading needs `view` of the chart's home space, every write `edit` (project
 * editor+ with a space role that lets them edit: see SavedChartReader).
 */
export class SavedChartService {
  constructor(
    private readonly charts: SavedChartRepository,
    private readonly reader: SavedChartReader,
    private readonly spaces: SpaceAccess,
    private readonly guard: ProjectGuard,
    private readonly now: () => Date,
  ) {}

  async create(account: MemberAccount, projectUuid: string, body: CreateChartBody): Promise<SavedChartDto> {
    const { project } = await this.guard.authorize(account, projectUuid, 'view');
    const home = await this.homeFor(account, project.projectUuid, body);
    const chartUuid = randomUUID();
    const content = contentOf(body);
    const base = slugify(body.name);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.charts.transaction(async (trx) => {
          const at = this.now();
          const slug = freeSlug(base, await this.charts.slugsLike(project.projectUuid, base, trx));
          await this.charts.insert(
            { uuid: chartUuid, projectUuid: project.projectUuid, ...home, name: body.name, description: body.description ?? null, slug, userUuid: account.user.userUuid, at },
            trx,
          );
          await this.charts.insertVersion(chartUuid, { versionUuid: randomUUID(), content, chartKind: chartKindOf(content.chartConfig), userUuid: account.user.userUuid, at }, trx);
        });
        break;
      } catch (error) {
        // Another chart took the same slug between our read and insert: pick again.
        if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
    return this.present(account, await this.reader.get(account, chartUuid));
  }

  /** GetChart (`GET /saved/{uuidOrSlug}`); counts a view, as opening a chart does in the anchor. */
  async get(account: MemberAccount, uuidOrSlug: string, projectUuid?: string): Promise<SavedChartDto> {
    const loaded = await this.reader.get(account, uuidOrSlug, 'view', projectUuid);
    await this.charts.recordView(loaded.chart.uuid, this.now());
    return this.present(account, loaded);
  }

  /** Name, description and space. A chart saved in a dashboard stays in it (it moves with its dashboard). */
  async update(account: MemberAccount, uuidOrSlug: string, body: UpdateChartBody): Promise<SavedChartDto> {
    const { chart } = await this.reader.get(account, uuidOrSlug, 'edit');
    const spaceUuid = await this.targetSpace(account, chart, body.spaceUuid);
    await this.charts.updateDetails(chart.uuid, { name: body.name, description: body.description, spaceUuid, userUuid: account.user.userUuid, at: this.now() });
    return this.present(account, await this.reader.get(account, chart.uuid));
  }

  /**
   * The anchor's bulk update (`PATCH /projects/{p}/saved`): every chart is checked first — all in
   * the project, all editable, every move allowed — then all change in one transaction, or none.
   */
  async updateMany(account: MemberAccount, projectUuid: string, items: (UpdateChartBody & { uuid: string })[]): Promise<SavedChartDto[]> {
    const { project } = await this.guard.authorize(account, projectUuid, 'view');
    const planned: { chartUuid: string; body: UpdateChartBody; spaceUuid: string | undefined }[] = [];
    for (const item of items) {
      const { chart } = await this.reader.get(account, item.uuid, 'edit');
      if (chart.projectUuid !== project.projectUuid) throw new ParameterError(`Chart ${item.uuid} is not in project ${projectUuid}`);
      planned.push({ chartUuid: chart.uuid, body: item, spaceUuid: await this.targetSpace(account, chart, item.spaceUuid) });
    }
    await this.charts.transaction(async (trx) => {
      const at = this.now();
      for (const { chartUuid, body, spaceUuid } of planned) {
        await this.charts.updateDetails(chartUuid, { name: body.name, description: body.description, spaceUuid, userUuid: account.user.userUuid, at }, trx);
      }
    });
    return Promise.all(planned.map(async ({ chartUuid }) => this.present(account, await this.reader.get(account, chartUuid))));
  }

  /** Saves new content as the chart's next version (`POST /saved/{uuid}/version`). */
  async saveVersion(account: MemberAccount, uuidOrSlug: string, body: SaveVersionBody): Promise<SavedChartDto> {
    const { chart } = await this.reader.get(account, uuidOrSlug, 'edit');
    await this.addVersion(account, chart.uuid, contentOf(body), body.description);
    return this.present(account, await this.reader.get(account, chart.uuid));
  }

  /** Writes `content` as the chart's next version (and a new description when given), in one transaction. */
  async addVersion(account: MemberAccount, chartUuid: string, content: ChartContent, description?: string | null): Promise<void> {
    await this.charts.transaction(async (trx) => {
      const at = this.now();
      if (description !== undefined) await this.charts.updateDetails(chartUuid, { description, userUuid: account.user.userUuid, at }, trx);
      await this.charts.insertVersion(chartUuid, { versionUuid: randomUUID(), content, chartKind: chartKindOf(content.chartConfig), userUuid: account.user.userUuid, at }, trx);
    });
  }

  async delete(account: MemberAccount, uuidOrSlug: string): Promise<void> {
    const { chart } = await this.reader.get(account, uuidOrSlug, 'edit');
    if (!(await this.charts.delete(chart.uuid))) throw new NotFoundError(`Chart ${uuidOrSlug} not found`);
  }

  async present(account: MemberAccount, loaded: LoadedChart): Promise<SavedChartDto> {
    return loadedToDto(loaded, userShare(account, await this.spaces.accessTo(account, loaded.space)));
  }

  /** Where a new chart goes: the dashboard's (owned by it), the given space, or the first space the user may edit. */
  private async homeFor(account: MemberAccount, projectUuid: string, body: CreateChartBody): Promise<{ spaceUuid: string | null; dashboardUuid: string | null }> {
    if (body.dashboardUuid) {
      const dashboard = await this.charts.dashboardHome(body.dashboardUuid.toLowerCase());
      if (!dashboard) throw new NotFoundError(`Dashboard ${body.dashboardUuid} not found`);
      await this.spaces.authorize(account, dashboard.spaceUuid, 'edit');
      if (dashboard.projectUuid !== projectUuid) throw new ParameterError(`Dashboard ${body.dashboardUuid} is not in project ${projectUuid}`);
      return { spaceUuid: null, dashboardUuid: dashboard.dashboardUuid };
    }
    if (body.spaceUuid) return { spaceUuid: (await this.editableSpace(account, projectUuid, body.spaceUuid)).spaceUuid, dashboardUuid: null };
    return { spaceUuid: await this.firstEditableSpace(account, projectUuid), dashboardUuid: null };
  }

  /** The space to move `chart` to (undefined: it stays), after checking the move is allowed. */
  private async targetSpace(account: MemberAccount, chart: ChartRecord, spaceUuid: string | undefined): Promise<string | undefined> {
    if (spaceUuid === undefined || spaceUuid.toLowerCase() === homeSpaceUuid(chart)) return undefined;
    if (chart.dashboard) {
      throw new ParameterError(`Chart ${chart.uuid} is saved in dashboard "${chart.dashboard.name}" and moves with it: move the dashboard instead`);
    }
    return (await this.editableSpace(account, chart.projectUuid, spaceUuid)).spaceUuid;
  }

  private async editableSpace(account: MemberAccount, projectUuid: string, spaceUuid: string): Promise<SpaceRow> {
    const space = await this.spaces.authorize(account, spaceUuid, 'edit');
    if (space.projectUuid !== projectUuid) throw new ParameterError(`Space ${spaceUuid} is not in project ${projectUuid}: pick a space of the chart's project`);
    return space;
  }

  private async firstEditableSpace(account: MemberAccount, projectUuid: string): Promise<string> {
    const visible = await this.spaces.visibleSpaces(account, projectUuid);
    for (const { space, role } of visible) {
      if (role === 'viewer') continue;
      try {
        return (await this.spaces.authorize(account, space.spaceUuid, 'edit')).spaceUuid;
      } catch (error) {
        if (!(error instanceof ForbiddenError)) throw error;
      }
    }
    if (visible.length === 0) throw new ParameterError('This project has no space you can see yet: create a space first, or send spaceUuid');
    throw new ForbiddenError("You can't save charts in any space of this project: ask for edit access to a space");
  }
}
