import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { resolveSecret } from './secrets/secret-file.js';
import { migrateToLatest, openStore } from './store/database.js';

/** `npm start`: configuration → secret → store + migrations → app → first admin → listen. */
const start = async (config: Config) => {
  const secret = await resolveSecret(config.TESSERA_SECRET, config.home);
  // The store opens while the HTTP modules load: on a first start PGlite's setup dominates.
  const [store, { buildApp }] = await Promise.all([
    openStore(
      config.DATABASE_URL
        ? { kind: 'postgres', url: config.DATABASE_URL }
        : { kind: 'pglite', dataDir: path.join(config.home, 'metadata') },
    ).then(async (opened) => {
      await migrateToLatest(opened);
      return opened;
    }),
    import('./app.js'),
  ]);
  const { app, bootstrap, accounts, projects } = await buildApp({ config, store, secret });
  // The demo is prepared in the background: the server answers while the data is generated.
  const demo = () =>
    void import('./demo/demo-project.js')
      .then(({ ensureDemoProject }) =>
        ensureDemoProject({ db: store.db, home: config.home, accounts, projects: projects.projects, log: app.log }),
      )
      .catch((error: unknown) => app.log.error({ err: error }, 'the demo project could not be prepared'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: finishing in-flight requests`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await store.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const first = await bootstrap.ensureFirstAdmin(
    config.TESSERA_ADMIN_EMAIL && config.TESSERA_ADMIN_PASSWORD
      ? {
          email: config.TESSERA_ADMIN_EMAIL,
          password: config.TESSERA_ADMIN_PASSWORD,
          firstName: 'Admin',
          lastName: '',
          organizationName: config.TESSERA_ORGANIZATION_NAME,
        }
      : undefined,
  );
  if (first.created) app.log.info(`created the first admin ${first.created}`);
  if (config.demo) {
    bootstrap.onAdminCreated(demo);
    demo();
  }
  if (first.setupToken) {
    app.log.warn(
      `No admin yet. Open this one-time link to create one (valid 24 h):\n\n    ${config.siteUrl}/setup?token=${first.setupToken}\n`,
    );
  }
  app.log.info(`Tessera is ready on ${config.siteUrl} (metadata: ${store.kind}, data: ${config.home})`);
};

try {
  await start(loadConfig(process.env));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee the environment variable table in README.md.\n`);
    process.exit(1);
  }
  throw error;
}
