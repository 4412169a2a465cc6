import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A non-GET route that writes no metadata (the query routes POST their query): its requests do
     * not clear the per-node caches (see `keepFresh`).
     */
    readOnly?: boolean;
  }
}

/** Whether a request may have changed metadata: any method but GET and HEAD, unless its route is `readOnly`. */
export const writesMetadata = (request: FastifyRequest): boolean =>
  request.method !== 'GET' && request.method !== 'HEAD' && request.routeOptions.config?.readOnly !== true;
