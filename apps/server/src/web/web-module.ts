import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { webRoutes } from './web-routes.js';

/** Where `npm run build:web` (Vite) writes the web app. */
export const DEFAULT_WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');

export const registerWebModule = (app: FastifyInstance, options: { distDir?: string } = {}): void => {
  webRoutes(app, { distDir: options.distDir ?? DEFAULT_WEB_DIST });
};
