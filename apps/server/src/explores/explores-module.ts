import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { JobRepository } from '../jobs/job-repository.js';
import { jobRoutes } from '../jobs/job-routes.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { ProjectModule } from '../projects/projects-module.js';
import { ExploreRepository } from './explore-repository.js';
import { exploreRoutes } from './explore-routes.js';
import { ExploreService } from './explore-service.js';

/** Domain module: compiled explores, the compile job, table selection, and job status. */
export const registerExploreModule = (app: FastifyInstance, ctx: AppContext, projects: ProjectModule) => {
  const jobRepository = new JobRepository(ctx.db);
  const jobs = new JobRunner(jobRepository, app.log, ctx.now);
  // Embedded mode is one process: a job still "running" at start-up died with the previous run.
  // (With PostgreSQL other nodes may be running it, so nothing is marked there.)
  if (ctx.storeKind === 'pglite') app.addHook('onReady', () => jobRepository.failUnfinished(ctx.now()));
  app.addHook('onClose', () => jobs.drain());
  const explores = new ExploreService(new ExploreRepository(ctx.db), projects.projects, projects.guard, jobs, ctx.now);
  // Projects whose model source or warehouse changed recompile in the background.
  projects.projects.onSourceChanged((projectUuid, userUuid) => {
    explores.startCompile(projectUuid, userUuid).catch((error: unknown) => app.log.error({ err: error, projectUuid }, 'could not start a compile'));
  });
  exploreRoutes(app, { explores });
  jobRoutes(app, { jobs: jobRepository, guard: projects.guard });
  return { explores, jobs };
};
