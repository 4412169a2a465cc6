import type { FastifyInstance } from 'fastify';
import '../http/server-timing.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { CsvExportService } from './csv-export-service.js';
import { downloadCsvSchema } from './metric-query-schemas.js';

const projectParams = z.object({ projectUuid: z.uuid() });

/** CSV export: start (a job), follow (getCsvUrl), download (the file, for its exporter). */
export const csvRoutes = (app: FastifyInstance, deps: { exports: CsvExportService }): void => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/projects/:projectUuid/explores/:exploreId/downloadCsv', {
    config: { serverTiming: true },
    schema: {
      tags: ['Projects'],
      operationId: 'DownloadCsvFromExplore',
      summary: 'Start a CSV export of a metric query; poll GET /api/v1/csv/{jobId} for the file',
      params: projectParams.extend({ exploreId: z.string().min(1).max(1024) }),
      body: downloadCsvSchema,
      response: { 200: okSchema(z.object({ jobId: z.string() })), ...errorResponses },
    },
  }, async (request) => {
    const { projectUuid, exploreId } = request.params;
    return ok({ jobId: await deps.exports.start(requireMember(request), projectUuid, exploreId, request.body) });
  });

  r.get('/api/v1/csv/:jobId', {
    schema: {
      tags: ['Exports'],
      operationId: 'getCsvUrl',
      summary: 'Status of a CSV export: scheduled, started, completed (with the download url) or error',
      params: z.object({ jobId: z.uuid() }),
      response: {
        200: okSchema(z.object({ url: z.string(), status: z.enum(['scheduled', 'started', 'completed', 'error']), truncated: z.boolean(), error: z.string().optional() })),
        ...errorResponses,
      },
    },
  }, async (request) => ok(await deps.exports.status(requireMember(request), request.params.jobId)));

  r.get('/api/v1/projects/:projectUuid/csv/:jobId', {
    schema: {
      tags: ['Exports'],
      summary: 'Download an exported CSV file (Tessera): only its exporter, while it has not expired',
      params: projectParams.extend({ jobId: z.uuid() }),
    },
  }, async (request, reply) => {
    const { meta, stream } = await deps.exports.download(requireMember(request), request.params.projectUuid, request.params.jobId);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${meta.fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(stream);
  });
};
