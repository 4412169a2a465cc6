import { ForbiddenError, NotFoundError, TesseraError } from '@tessera/core';
import type { LoadDiagnostic, LookmlDashboard } from '@tessera/models';
import type { MemberAccount } from '../projects/project-service.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import type { LookerDashboardDto } from './looker-dashboard-dto.js';
import type { LookerDashboardReader } from './looker-dashboard-reader.js';
import type { LookerDashboardRepository } from './looker-dashboard-repository.js';
import type { LookerDashboardBody } from './looker-dashboard-schemas.js';
import type { LookerDashboardService, WriteOptions } from './looker-dashboard-service.js';
import { ConflictError, LookerValidationError, type ValidationErrorDetail } from './looker-errors.js';
import type { ExploreFields } from './looker-explore-fields.js';
import { lookmlToBody, targetsOf } from './looker-lookml-dashboards.js';

/** Where a project's LookML lives, and how its dashboards are read (@tessera/models). */
export type LookmlSource = {
  dirOf(projectUuid: string): Promise<string | undefined>;
  load(dir: string): Promise<{ dashboards: LookmlDashboard[]; diagnostics: LoadDiagnostic[] }>;
};

/** Settings a caller may give along with an import or a sync (the rest comes from the LookML). */
const OVERRIDABLE = ['title', 'description', 'hidden', 'query_timezone', 'refresh_interval', 'background_color', 'title_color', 'tile_text_color', 'tile_background_color', 'text_tile_text_color', 'show_title', 'show_filters_bar', 'crossfilter_enabled', 'load_configuration'] as const;

const overrides = (body: LookerDashboardBody | undefined): Partial<LookerDashboardBody> =>
  Object.fromEntries(OVERRIDABLE.filter((k) => body?.[k] !== undefined && body[k] !== null).map((k) => [k, body![k]]));

/**
 * import_lookml_dashboard and sync_lookml_dashboard: a LookML dashboard (`<model>::<name>`) of the
 * project a space belongs to, written as an ordinary Tessera dashboard linked to it
 * (`lookml_link_id`), every element mapped as the API maps one (display-only options and table
 * calculations Tessera cannot compute are left out and noted in the chart's description).
 * Problems name the LookML element (`<id> element "<name>"`): an element on an explore the
 * project lacks is a 422, never a crash.
 */
export class LookerLookmlService {
  constructor(
    private readonly writer: LookerDashboardService,
    private readonly reader: LookerDashboardReader,
    private readonly looker: LookerDashboardRepository,
    private readonly spaces: SpaceAccess,
    private readonly source: LookmlSource,
  ) {}

  async importDashboard(account: MemberAccount, lookmlId: string, spaceId: string, body?: LookerDashboardBody): Promise<LookerDashboardDto> {
    const space = await this.spaces.authorize(account, spaceId, 'edit');
    const { dashboard, models } = await this.find(space.projectUuid, lookmlId);
    const linked = await this.looker.linkedTo(account.organization.organizationUuid, lookmlId);
    if (linked.some((d) => d.spaceUuid === space.spaceUuid)) {
      throw new ConflictError(`${lookmlId} is already imported in this space: sync it (sync_lookml_dashboard), or import it into another space`);
    }
    const { body: converted, options } = await this.prepare(space.projectUuid, dashboard, models);
    return this.naming(dashboard, () =>
      this.writer.create(account, { ...converted, ...overrides(body), space_id: space.spaceUuid, lookml_link_id: lookmlId }, options),
    );
  }

  /** Rewrites every dashboard linked to the LookML dashboard (that the account may edit) from it; their integer ids. */
  async sync(account: MemberAccount, lookmlId: string, body?: LookerDashboardBody): Promise<number[]> {
    const linked = await this.looker.linkedTo(account.organization.organizationUuid, lookmlId);
    const updated: number[] = [];
    for (const { dashboardUuid, projectUuid } of linked) {
      try {
        await this.reader.find(account, dashboardUuid, 'edit');
      } catch (error) {
        if (error instanceof ForbiddenError) continue;
        throw error;
      }
      const { dashboard, models } = await this.find(projectUuid, lookmlId);
      const { body: converted, options } = await this.prepare(projectUuid, dashboard, models);
      await this.naming(dashboard, () => this.writer.update(account, dashboardUuid, { ...converted, ...overrides(body) }, options));
      const settings = (await this.looker.settings([dashboardUuid])).get(dashboardUuid);
      if (settings) updated.push(settings.number);
    }
    if (linked.length === 0) throw new NotFoundError(`No dashboard is linked to LookML dashboard ${lookmlId}: import it first`);
    return updated;
  }

  private async find(projectUuid: string, lookmlId: string): Promise<{ dashboard: LookmlDashboard; models: Set<string> }> {
    const dir = await this.source.dirOf(projectUuid);
    if (!dir) throw new NotFoundError(`LookML dashboard ${lookmlId} not found: the project's models are not LookML`);
    const { dashboards } = await this.source.load(dir);
    const dashboard = dashboards.find((d) => d.id === lookmlId);
    if (!dashboard) throw new NotFoundError(`LookML dashboard ${lookmlId} not found (this project has ${dashboards.map((d) => d.id).join(', ') || 'none'})`);
    return { dashboard, models: new Set(dashboards.map((d) => d.model)) };
  }

  private async prepare(projectUuid: string, dashboard: LookmlDashboard, models: Set<string>): Promise<{ body: LookerDashboardBody; options: WriteOptions }> {
    const { body, listens } = lookmlToBody(dashboard);
    const explores = new Map<string, ExploreFields | undefined>();
    const exploreOfTile = new Map<string, string>();
    for (const element of body.dashboard_elements ?? []) {
      const explore = element.query?.view;
      if (!explore || typeof element.id !== 'string') continue;
      exploreOfTile.set(element.id, explore);
      if (!explores.has(explore)) explores.set(explore, await this.reader.exploreFields(projectUuid, explore));
    }
    const fieldsOfTile = (tile: string) => explores.get(exploreOfTile.get(tile) ?? '');
    return { body, options: { mode: 'lenient', otherModels: models, tileTargets: targetsOf(listens, fieldsOfTile) } };
  }

  /** Runs a write, naming LookML elements in its validation errors (`dashboard_elements[2]` → `model::name element "x"`). */
  private async naming<T>(dashboard: LookmlDashboard, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof TesseraError) || error.statusCode !== 422 || !Array.isArray(error.data.errors)) throw error;
      const rename = (field: string) =>
        field.replace(/^dashboard_elements\[(\d+)\]/, (_m, i: string) => `${dashboard.id} element "${dashboard.elements[Number(i)]?.name || dashboard.elements[Number(i)]?.title || i}"`);
      const errors = (error.data.errors as ValidationErrorDetail[]).map((e) => ({ ...e, field: rename(e.field) }));
      throw new LookerValidationError(`LookML dashboard ${dashboard.id} cannot be mapped: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
    }
  }
}
