import { randomUUID } from 'node:crypto';
import { NotFoundError, ParameterError } from '@tessera/core';
import { freeSlug, slugify } from '../charts/chart-slug.js';
import { userShare } from '../charts/saved-chart-dto.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess, SpaceRow } from '../spaces/space-access.js';
import { isUniqueViolation } from '../store/database-errors.js';
import { toDashboardDto, toDashboardSummaryDto, type DashboardDto, type DashboardSummaryDto } from './dashboard-dto.js';
import type { DashboardChartRepository } from './dashboard-chart-repository.js';
import { EMPTY_DASHBOARD_FILTERS } from './dashboard-filters.js';
import type { DashboardLocator } from './dashboard-locator.js';
import type { DashboardRecord, DashboardRepository, DashboardValues, Tx } from './dashboard-repository.js';
import type { CreateDashboardInput, DuplicateDashboardInput, UpdateDashboardInput, UpdateDashboardsInput } from './dashboard-schemas.js';
import { toNewTile, type TileChecks } from './dashboard-tiles.js';

const SLUG_ATTEMPTS = 5;

/**
 * Dashboards: listing, create (or duplicate), read (counts a view), update, bulk move/rename and
 * delete. Every operation authorizes on the dashboard's space through SpaceAccess: view to read,
 * edit (project editor+ and space editor+) to write, in both spaces when a dashboard moves.
 * Dashboards and their tiles are written in one transaction.
 */
export class DashboardService {
  constructor(
    private readonly repository: DashboardRepository,
    private readonly charts: DashboardChartRepository,
    private readonly locator: DashboardLocator,
    private readonly tiles: TileChecks,
    private readonly spaces: SpaceAccess,
    private readonly projects: ProjectGuard,
    private readonly now: () => Date,
  ) {}

  /** The project's dashboards in spaces the account may view; empty for another organization. */
  async list(account: MemberAccount, projectUuid: string, options: { includePrivate: boolean }): Promise<DashboardSummaryDto[]> {
    await this.projects.find(projectUuid);
    const visible = (await this.spaces.visibleSpaces(account, projectUuid)).filter((v) => options.includePrivate || !v.space.isPrivate);
    const summaries = await this.repository.listProject(projectUuid, visible.map((v) => v.space.spaceUuid));
    return summaries.map((d) => toDashboardSummaryDto(d, account.organization.organizationUuid));
  }

  async create(account: MemberAccount, projectUuid: string, input: CreateDashboardInput): Promise<DashboardDto> {
    await this.projects.find(projectUuid);
    const space = await this.spaceToCreateIn(account, projectUuid, input.spaceUuid);
    const tiles = input.tiles.map(toNewTile);
    await this.tiles.assertValid(account, { projectUuid, dashboardUuid: null, existing: [] }, tiles, input.tabs);
    const dashboardUuid = await this.insertWithSlug(account, projectUuid, {
      name: input.name,
      description: input.description ?? null,
      spaceUuid: space.spaceUuid,
      filters: input.filters ?? EMPTY_DASHBOARD_FILTERS,
      tabs: input.tabs,
      config: input.config ?? null,
      parameters: input.parameters ?? null,
    }, async (uuid, trx) => this.repository.replaceTiles(uuid, tiles, trx));
    return this.view(account, dashboardUuid, space);
  }

  /**
   * A copy of a dashboard in its space, under a new name: the same tiles (their uuids kept, so
   * filters' tile targets still hold), filters, tabs, config and parameters. Charts saved in the
   * source dashboard are copied with it (their latest version), so each dashboard owns its own.
   */
  async duplicate(account: MemberAccount, projectUuid: string, sourceUuid: string, input: DuplicateDashboardInput): Promise<DashboardDto> {
    const source = await this.locator.find(account, sourceUuid, projectUuid);
    if (source.projectUuid !== projectUuid) throw new NotFoundError(`Dashboard ${sourceUuid} not found in this project`);
    const space = await this.spaces.authorize(account, source.spaceUuid, 'edit');
    const dashboardUuid = await this.insertWithSlug(account, projectUuid, {
      name: input.dashboardName,
      description: input.dashboardDesc,
      spaceUuid: source.spaceUuid,
      filters: source.filters,
      tabs: source.tabs,
      config: source.config,
      parameters: source.parameters,
    }, async (uuid, trx) => {
      const copies = await this.charts.copyOwnedCharts(source.dashboardUuid, uuid, { userUuid: account.user.userUuid, at: this.now() }, trx);
      const tiles = source.tiles.map((t) => ({ ...t, savedChartUuid: t.savedChartUuid && (copies.get(t.savedChartUuid) ?? t.savedChartUuid) }));
      await this.repository.replaceTiles(uuid, tiles, trx);
    });
    return this.view(account, dashboardUuid, space);
  }

  /** The dashboard, counting this view. */
  async get(account: MemberAccount, uuidOrSlug: string, projectUuid?: string): Promise<DashboardDto> {
    const dashboard = await this.locator.find(account, uuidOrSlug, projectUuid);
    const space = await this.spaces.authorize(account, dashboard.spaceUuid, 'view');
    const [views, access] = await Promise.all([this.repository.recordView(dashboard.dashboardUuid, this.now()), this.spaces.accessTo(account, space)]);
    return toDashboardDto({ ...dashboard, ...views }, space, userShare(account, access));
  }

  /**
   * Details (name, description, space) and/or versioned fields (tiles, filters, tabs, config,
   * parameters; each given one replaces the stored one and the version moves on). Charts saved in
   * the dashboard that no tile shows any more are deleted with the new tiles.
   */
  async update(account: MemberAccount, uuidOrSlug: string, input: UpdateDashboardInput): Promise<DashboardDto> {
    const dashboard = await this.locator.find(account, uuidOrSlug);
    let space = await this.spaces.authorize(account, dashboard.spaceUuid, 'edit');
    if (input.spaceUuid !== undefined && input.spaceUuid.toLowerCase() !== dashboard.spaceUuid) {
      space = await this.spaceToMoveTo(account, dashboard, input.spaceUuid);
    }
    const tiles = input.tiles?.map(toNewTile);
    const tabs = input.tabs ?? dashboard.tabs;
    if (tiles !== undefined || input.tabs !== undefined) {
      const context = { projectUuid: dashboard.projectUuid, dashboardUuid: dashboard.dashboardUuid, existing: dashboard.tiles };
      await this.tiles.assertValid(account, context, tiles ?? dashboard.tiles, tabs);
    }
    const versioned = [input.tiles, input.filters, input.tabs, input.config, input.parameters].some((v) => v !== undefined);
    await this.repository.transaction(async (trx) => {
      const values: Partial<DashboardValues> = {
        name: input.name,
        description: input.description,
        spaceUuid: space.spaceUuid,
        filters: input.filters,
        tabs: input.tabs,
        config: input.config,
        parameters: input.parameters,
      };
      const change = { versioned, userUuid: account.user.userUuid, at: this.now() };
      if (!(await this.repository.update(dashboard.dashboardUuid, values, change, trx))) throw new NotFoundError(`Dashboard ${uuidOrSlug} not found`);
      if (tiles !== undefined) {
        await this.repository.replaceTiles(dashboard.dashboardUuid, tiles, trx);
        await this.charts.deleteOrphanCharts(dashboard.dashboardUuid, trx);
      }
    });
    return this.view(account, dashboard.dashboardUuid, space);
  }

  /** Renames and moves several dashboards of a project at once: all or none (403 if any is not editable). */
  async updateMany(account: MemberAccount, projectUuid: string, input: UpdateDashboardsInput): Promise<DashboardDto[]> {
    await this.projects.find(projectUuid);
    const planned: { dashboard: DashboardRecord; space: SpaceRow; values: Partial<DashboardValues> }[] = [];
    for (const item of input) {
      const dashboard = await this.locator.find(account, item.uuid);
      if (dashboard.projectUuid !== projectUuid) throw new NotFoundError(`Dashboard ${item.uuid} not found in this project`);
      let space = await this.spaces.authorize(account, dashboard.spaceUuid, 'edit');
      if (item.spaceUuid.toLowerCase() !== dashboard.spaceUuid) space = await this.spaceToMoveTo(account, dashboard, item.spaceUuid);
      planned.push({ dashboard, space, values: { name: item.name, description: item.description, spaceUuid: space.spaceUuid } });
    }
    const change = { versioned: false, userUuid: account.user.userUuid, at: this.now() };
    await this.repository.transaction(async (trx) => {
      for (const { dashboard, values } of planned) {
        if (!(await this.repository.update(dashboard.dashboardUuid, values, change, trx))) throw new NotFoundError(`Dashboard ${dashboard.dashboardUuid} not found`);
      }
    });
    return Promise.all(planned.map(({ dashboard, space }) => this.view(account, dashboard.dashboardUuid, space)));
  }

  /** Deletes the dashboard with its tiles and the charts saved in it. */
  async delete(account: MemberAccount, uuidOrSlug: string): Promise<void> {
    const dashboard = await this.locator.find(account, uuidOrSlug);
    await this.spaces.authorize(account, dashboard.spaceUuid, 'edit');
    if (!(await this.repository.delete(dashboard.dashboardUuid))) throw new NotFoundError(`Dashboard ${uuidOrSlug} not found`);
  }

  /** The given space (edit, same project), or else the first space of the project the account may edit. */
  private async spaceToCreateIn(account: MemberAccount, projectUuid: string, spaceUuid: string | undefined): Promise<SpaceRow> {
    if (spaceUuid !== undefined) {
      const space = await this.spaces.authorize(account, spaceUuid, 'edit');
      if (space.projectUuid !== projectUuid) throw new ParameterError(`Space ${spaceUuid} is not a space of project ${projectUuid}`);
      return space;
    }
    const visible = await this.spaces.visibleSpaces(account, projectUuid);
    if (visible.length === 0) {
      await this.projects.authorize(account, projectUuid, 'view');
      throw new ParameterError('This project has no space you can save to: create a space first, or send spaceUuid');
    }
    const editable = visible.find((v) => v.role !== 'viewer') ?? visible[0]!;
    return this.spaces.authorize(account, editable.space.spaceUuid, 'edit');
  }

  private async spaceToMoveTo(account: MemberAccount, dashboard: DashboardRecord, spaceUuid: string): Promise<SpaceRow> {
    const target = await this.spaces.authorize(account, spaceUuid, 'edit');
    if (target.projectUuid !== dashboard.projectUuid) {
      throw new ParameterError(`Space ${spaceUuid} is in another project: a dashboard can only move between spaces of its own project`);
    }
    return target;
  }

  /** Inserts the dashboard under a free slug (another writer may take it first: then the next one). */
  private async insertWithSlug(
    account: MemberAccount,
    projectUuid: string,
    values: DashboardValues,
    fill: (dashboardUuid: string, trx: Tx) => Promise<void>,
  ): Promise<string> {
    const base = slugify(values.name);
    for (let attempt = 1; ; attempt++) {
      const dashboardUuid = randomUUID();
      const slug = freeSlug(base, await this.repository.slugsLike(projectUuid, base));
      try {
        await this.repository.transaction(async (trx) => {
          await this.repository.insert({ ...values, dashboardUuid, projectUuid, slug, userUuid: account.user.userUuid, at: this.now() }, trx);
          await fill(dashboardUuid, trx);
        });
        return dashboardUuid;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
  }

  /** The dashboard as the account sees it (after a write: no view counted). */
  private async view(account: MemberAccount, dashboardUuid: string, space: SpaceRow): Promise<DashboardDto> {
    const [dashboard, access] = await Promise.all([this.repository.find(dashboardUuid), this.spaces.accessTo(account, space)]);
    if (!dashboard) throw new NotFoundError(`Dashboard ${dashboardUuid} not found`);
    return toDashboardDto(dashboard, space, userShare(account, access));
  }
}
