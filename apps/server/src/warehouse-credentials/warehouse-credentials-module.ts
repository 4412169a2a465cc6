import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { DeleteMeRepository } from './delete-me-repository.js';
import { deleteMeRoutes } from './delete-me-routes.js';
import { DeleteMeService } from './delete-me-service.js';
import { WarehouseCredentialsRepository } from './warehouse-credentials-repository.js';
import { warehouseCredentialsRoutes } from './warehouse-credentials-routes.js';
import { WarehouseCredentialsService } from './warehouse-credentials-service.js';

/** The credentials service on a context; the query engine builds its own with this. */
export const createWarehouseCredentialsService = (ctx: Pick<AppContext, 'db' | 'cipher' | 'now'>): WarehouseCredentialsService =>
  new WarehouseCredentialsService(new WarehouseCredentialsRepository(ctx.db), ctx.cipher, ctx.now);

/**
 * Domain module: per-user warehouse credentials, encrypted at rest, and deleting one's own account.
 * Builds its repositories and services from the context and registers its routes; returns the
 * credentials service so the composition root can hand it to the query engine.
 */
export const registerWarehouseCredentialsModule = (app: FastifyInstance, ctx: AppContext): WarehouseCredentialsService => {
  const credentials = createWarehouseCredentialsService(ctx);
  warehouseCredentialsRoutes(app, { credentials });
  deleteMeRoutes(app, { deleteMe: new DeleteMeService(new DeleteMeRepository(ctx.db)) });
  return credentials;
};
