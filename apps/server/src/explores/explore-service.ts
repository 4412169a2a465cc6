import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NotFoundError, ParameterError, compileExplores, type TargetDatabase } from '@tessera/core';
import { DIALECTS, queryDialect } from '@tessera/warehouses';
import type { LoadResult } from '@tessera/models';
import type { Account } from '../identity/account.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { CompileSource, ProjectService } from '../projects/project-service.js';
import type { CompiledExplore, ExploreRepository, TableSelection } from './explore-repository.js';

const TARGETS: Record<string, TargetDatabase | undefined> = {
  postgres: 'postgres',
  redshift: 'redshift',
  duckdb: 'duckdb',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  databricks: 'databricks',
  trino: 'trino',
  mysql: 'mysql',
};

/**
 * A project's explores: compiled from its model source in a background job (refresh), or pushed
 * whole by a client (SetExplores, how a CLI deploys). Reading needs project view; compiling and
 * pushing need project update (developers and admins).
 */
export class ExploreService {
  constructor(
    private readonly explores: ExploreRepository,
    private readonly projects: ProjectService,
    private readonly guard: ProjectGuard,
    private readonly jobs: JobRunner,
    private readonly now: () => Date,
  ) {}

  private readonly savedListeners: ((projectUuid: string) => void)[] = [];

  /** Called after a project's explores were replaced on this node (caches of them clear at once). */
  onSaved(listener: (projectUuid: string) => void): void {
    this.savedListeners.push(listener);
  }

  private async save(projectUuid: string, explores: readonly unknown[]): Promise<void> {
    await this.explores.save(projectUuid, explores, this.now());
    for (const listener of this.savedListeners) listener(projectUuid);
  }

  async refresh(account: Account, projectUuid: string): Promise<string> {
    await this.guard.authorize(account, projectUuid, 'update');
    const source = await this.projects.compileSource(projectUuid);
    if (source.dbtConnection.type === 'none') {
      throw new ParameterError('This project has no model source to compile: push explores with PUT /api/v1/projects/{projectUuid}/explores');
    }
    return this.startCompile(projectUuid, account.user.userUuid);
  }

  /** Starts a compile job (also used when a project is created or its source changes). */
  startCompile(projectUuid: string, userUuid: string | null): Promise<string> {
    return this.jobs.start(
      { jobType: 'COMPILE_PROJECT', projectUuid, createdByUserUuid: userUuid, steps: ['Loading models', 'Reading the warehouse catalog', 'Compiling explores'] },
      async (reporter) => {
        const source = await this.projects.compileSource(projectUuid);
        const loaded = await reporter.step('Loading models', () => loadModels(source));
        const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
        if (loaded.models.length === 0 && errors.length > 0) {
          throw new ParameterError(`The model source could not be read: ${errors.map((d) => `${d.file}: ${d.message}`).join('; ')}`);
        }
        const catalog = await reporter.step('Reading the warehouse catalog', () =>
          import('./warehouse-catalog.js')
            .then(({ readCatalog }) => readCatalog(source.warehouseConnection, loaded.models))
            .catch(() => undefined),
        );
        await reporter.step('Compiling explores', async () => {
          const targetDatabase = TARGETS[source.warehouseType] ?? loaded.targetDatabase ?? 'postgres';
          const startOfWeek = source.warehouseConnection?.startOfWeek ?? undefined;
          const { explores } = compileExplores(loaded.models, {
            targetDatabase,
            // Identifiers and templates are the warehouse's own dialect, the one the query engine uses.
            quote: DIALECTS[targetDatabase].quoteIdentifier,
            sql: queryDialect(targetDatabase, { startOfWeek }).semantic,
            ...(catalog ? { catalog } : {}),
          });
          await this.save(projectUuid, explores);
        });
      },
    );
  }

  async set(account: Account, projectUuid: string, explores: readonly unknown[]): Promise<void> {
    await this.guard.authorize(account, projectUuid, 'update');
    await this.save(projectUuid, explores);
  }

  async list(account: Account, projectUuid: string): Promise<CompiledExplore[]> {
    await this.guard.authorize(account, projectUuid, 'view');
    const [explores, selection] = await Promise.all([
      this.explores.list(projectUuid),
      this.explores.tableSelection(projectUuid),
    ]);
    return (explores ?? []).filter((e) => selected(e, selection));
  }

  async get(account: Account, projectUuid: string, exploreId: string): Promise<CompiledExplore> {
    await this.guard.authorize(account, projectUuid, 'view');
    const explore = (await this.explores.list(projectUuid))?.find((e) => e.name === exploreId);
    if (!explore) throw new NotFoundError(`Explore "${exploreId}" not found in this project`);
    return explore;
  }

  async tableSelection(account: Account, projectUuid: string): Promise<TableSelection> {
    await this.guard.authorize(account, projectUuid, 'view');
    return this.explores.tableSelection(projectUuid);
  }

  async updateTableSelection(account: Account, projectUuid: string, selection: TableSelection): Promise<TableSelection> {
    await this.guard.authorize(account, projectUuid, 'update');
    if (selection.type !== 'ALL_TABLES' && (selection.value === null || selection.value.length === 0)) {
      throw new ParameterError(`tableSelection.value must list the ${selection.type === 'WITH_TAGS' ? 'tags' : 'table names'} to show`);
    }
    await this.explores.saveTableSelection(projectUuid, selection);
    return selection;
  }
}

const selected = (explore: CompiledExplore, selection: TableSelection): boolean => {
  switch (selection.type) {
    case 'ALL_TABLES':
      return true;
    case 'WITH_TAGS':
      return (explore.tags ?? []).some((t) => selection.value?.includes(t));
    case 'WITH_NAMES':
      return selection.value?.includes(explore.name) ?? false;
  }
};

const loadModels = async (source: CompileSource): Promise<LoadResult> => {
  const dbt = source.dbtConnection;
  if (dbt.type === 'dbt') return (await open(dbt.project_dir)).load();
  if (dbt.type === 'lookml') return import('@tessera/models').then(({ LookmlSource }) => new LookmlSource(dbt.project_dir).load());
  if (dbt.type === 'manifest') {
    const manifest = await source.manifest();
    if (manifest === undefined) throw new ParameterError('No manifest uploaded yet: PUT it to /api/v1/projects/{projectUuid}/manifest');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-manifest-'));
    try {
      const file = path.join(dir, 'manifest.json');
      await writeFile(file, JSON.stringify(manifest));
      return await (await open(file)).load();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  throw new ParameterError('This project has no model source to compile');
};

/** The loaders' errors name files and formats: pass them on to the project's developers. */
// Loaders and warehouse drivers load on the first compile, not at server start.
const open = (location: string) =>
  import('@tessera/models').then(({ openModelSource }) => openModelSource(location)).catch((error: Error) => {
    throw new ParameterError(`The model source could not be opened: ${error.message}`);
  });
