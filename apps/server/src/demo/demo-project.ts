import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { generateDemoWarehouse } from '../../../../examples/demo/generate.js';
import type { AccountRepository } from '../identity/account-repository.js';
import type { ProjectService } from '../projects/project-service.js';
import type { Database } from '../store/schema.js';

export const DEMO_PROJECT_DIR = path.resolve(import.meta.dirname, '../../../../examples/demo');

type Deps = {
  db: Kysely<Database>;
  home: string;
  accounts: AccountRepository;
  projects: ProjectService;
  log: FastifyBaseLogger;
};

/**
 * The first start's demo: the shop data generated into `<home>/warehouse/shop.duckdb`, a "Demo
 * shop" project over `examples/demo` in the first admin's organization, compiled. Done once per
 * TESSERA_HOME (a marker file), so deleting the project is respected; waits for an admin to exist.
 */
export const ensureDemoProject = async (deps: Deps): Promise<string | undefined> => {
  const marker = path.join(deps.home, 'demo-project');
  if (existsSync(marker)) return undefined;
  const admin = await deps.db
    .selectFrom('organization_memberships')
    .select(['user_uuid', 'organization_uuid'])
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!admin) return undefined;
  const account = await deps.accounts.byUserUuid(admin.user_uuid);
  if (!account?.organization || !account.role) return undefined;

  const warehouse = path.join(deps.home, 'warehouse', 'shop.duckdb');
  if (!existsSync(warehouse)) {
    await mkdir(path.dirname(warehouse), { recursive: true });
    const started = Date.now();
    let last = '';
    await generateDemoWarehouse(warehouse, {
      onProgress: (step, done, total) => {
        const line = `demo data: ${step} (${done}/${total})`;
        if (line !== last) deps.log.info((last = line));
      },
    });
    deps.log.info(`demo data generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${warehouse}`);
  }
  const project = await deps.projects.create({ ...account, organization: account.organization, role: account.role, authentication: { kind: 'session', sessionHash: '' } }, {
    name: 'Demo shop',
    type: 'DEFAULT',
    dbtConnection: { type: 'dbt', project_dir: DEMO_PROJECT_DIR },
    warehouseConnection: { type: 'duckdb', path: warehouse, schema: 'demo' },
  });
  // Creating a project with a dbt source starts its compile.
  await writeFile(marker, `${project.projectUuid}\n`);
  deps.log.info(`demo project "Demo shop" created (${project.projectUuid}); its explores are compiling`);
  return project.projectUuid;
};
