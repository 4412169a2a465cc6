import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/** Domain module: organizations, members, allowed e-mail domains, joining an organization. Builds its repositories and services from the context and registers its routes. */
export const registerOrganizationModule = (_app: FastifyInstance, _ctx: AppContext): void => {};
