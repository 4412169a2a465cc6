import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/** Domain module: invite links, registration, e-mail verification, login options. Builds its repositories and services from the context and registers its routes. */
export const registerInviteModule = (_app: FastifyInstance, _ctx: AppContext): void => {};
