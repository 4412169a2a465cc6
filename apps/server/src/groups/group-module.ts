import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/** Domain module: user groups and their members. Builds its repositories and services from the context and registers its routes. */
export const registerGroupModule = (_app: FastifyInstance, _ctx: AppContext): void => {};
