import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/** Domain module: per-user warehouse credentials, encrypted at rest. Builds its repositories and services from the context and registers its routes. */
export const registerWarehouseCredentialsModule = (_app: FastifyInstance, _ctx: AppContext): void => {};
