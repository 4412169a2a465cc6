import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, okSchema, sendJsonText } from '../http/envelope.js';
import '../http/read-only-routes.js';
import { timingOf } from '../http/server-timing.js';
import { requireMember } from '../identity/account.js';
import { disconnectSignal } from '../query/disconnect-signal.js';
import { rowsJson } from '../query/results-json.js';
import { dashboardTileQuerySchema } from './dashboard-schemas.js';
import type { DashboardTileService, TileResults } from './dashboard-tile-service.js';

const tileResults = z.object({
  metricQuery: z.record(z.string(), z.unknown()),
  cacheMetadata: z.object({ cacheHit: z.boolean(), cacheUpdatedTime: z.string().optional() }),
  fields: z.record(z.string(), z.unknown()),
  rows: z.array(z.unknown()),
  appliedDashboardFilters: z.record(z.string(), z.unknown()),
});

/** `{status: "ok", results}` as JSON text, the rows written cell by cell (see `rowsJson`). */
const tileResultsJson = (results: TileResults): string => {
  const { metricQuery, cacheMetadata, fields, rows, timezone, appliedDashboardFilters } = results;
  const head = JSON.stringify({ status: 'ok', results: { metricQuery, cacheMetadata, fields, appliedDashboardFilters, rows: [] } });
  // `head` ends with `[]}}`: the empty rows, then the two objects it closes.
  return `${head.slice(0, -4)}${rowsJson(rows, fields, timezone)}}}`;
};

/**
 * PostDashboardTile. Read-only for the metadata caches (it writes nothing) and timed in a
 * `Server-Timing` header, like the query routes.
 */
export const dashboardTileRoutes = (app: FastifyInstance, deps: { tiles: DashboardTileService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/saved/:chartUuid/chart-and-results', {
    config: { readOnly: true, serverTiming: true },
    schema: {
      tags: ['Charts'],
      operationId: 'PostDashboardTile',
      summary: 'Runs a saved chart as a tile of a dashboard: the dashboard’s filters (per tile targets), sorts and date zoom applied',
      params: z.object({ chartUuid: z.guid() }),
      body: dashboardTileQuerySchema,
      response: { 200: okSchema(tileResults), ...errorResponses },
    },
  }, async (request, reply) => {
    const timing = timingOf(request);
    const results = await deps.tiles.run(requireMember(request), request.params.chartUuid, request.body, { signal: disconnectSignal(reply), timing });
    return sendJsonText(reply, timing.measureSync('json', () => tileResultsJson(results)));
  });
};
