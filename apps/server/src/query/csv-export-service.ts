import { ForbiddenError, NotFoundError, ParameterError, compileMetricQuery, createValueFormatter, ExpiredError, formatPlan } from '@tessera/core';
import type { ReadStream } from 'node:fs';
import type { JobRepository } from '../jobs/job-repository.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { CsvFileMeta, CsvFileStore } from './csv-file-store.js';
import { csvColumns, csvHeader, formattedCell, rawCell } from './csv-format.js';
import { writeCsv } from './csv-writer.js';
import type { DownloadCsvBody } from './metric-query-schemas.js';
import { mappingQueryErrors } from './query-errors.js';
import type { QueryScopes } from './query-scope.js';

export const CSV_JOB_TYPE = 'CSV_EXPORT';
const STEP = 'Writing the rows to the file';
const BATCH_SIZE = 2_048;

/** getCsvUrl's statuses (the anchor's scheduler job statuses). */
export type CsvStatus = 'scheduled' | 'started' | 'completed' | 'error';
export type CsvUrl = { url: string; status: CsvStatus; truncated: boolean; error?: string };

export type CsvExportSettings = { maxRows: number; timeoutSeconds: number; siteUrl: string };

/**
 * CSV exports as background jobs. Starting one checks view permission, compiles the query (a bad
 * query is a 400 at once, not a failed job), then a job streams the warehouse cursor into a file:
 * memory holds one batch. Row cap: `csvLimit` (null = all rows) or the query's limit, never more
 * than the server's maximum; `truncated` when rows were left out. Only the user who exported a
 * file may download it — its rows follow that user's row-level security — and files expire.
 */
export class CsvExportService {
  private readonly running = new Set<AbortController>();

  constructor(
    private readonly scopes: QueryScopes,
    private readonly jobs: JobRunner,
    private readonly jobRecords: JobRepository,
    private readonly guard: ProjectGuard,
    private readonly files: CsvFileStore,
    private readonly settings: CsvExportSettings,
    private readonly now: () => Date,
  ) {}

  async start(account: MemberAccount, projectUuid: string, exploreId: string, body: DownloadCsvBody): Promise<string> {
    if (body.pivotColumns?.length) {
      throw new ParameterError('Pivoted CSV exports are not supported yet: export without pivotColumns');
    }
    const limit = Math.min(body.csvLimit === null ? this.settings.maxRows : (body.csvLimit ?? body.limit), this.settings.maxRows);
    // One row past the cap tells whether the file is truncated.
    const scope = await this.scopes.open(account, projectUuid, exploreId, { timezone: body.timezone, maxLimit: limit + 1 });
    const { onlyRaw: _o, showTableNames: _s, columnOrder: _c, customLabels: _l, hiddenFields: _h, csvLimit: _x, chartName: _n, pivotColumns: _p, ...query } = body;
    const compiled = await mappingQueryErrors(this.settings.timeoutSeconds, async () =>
      compileMetricQuery(scope.explore, { ...query, limit: limit + 1 }, scope.warehouse.dialect, scope.context),
    );
    // Credentials are resolved now, so a user who may not run the query hears it at once.
    const { client } = await scope.warehouse.connect();
    const columns = csvColumns(compiled.columns, compiled.fields, body);
    const timezone = scope.context.timezone;
    // Formatters are built only for a formatted file; raw cells skip them entirely.
    const cells = columns.map((c) => (body.onlyRaw ? rawCell() : formattedCell(createValueFormatter(compiled.fields[c.id], { timezone }))));
    // The warehouse's own writer takes raw columns, or formatted ones when every format has a plan.
    const plans = body.onlyRaw ? columns.map(() => undefined) : columns.map((c) => formatPlan(compiled.fields[c.id], { timezone }));
    const nativeColumns = body.onlyRaw || plans.every(Boolean) ? columns.map((c, i) => ({ name: c.id, format: plans[i] })) : undefined;
    const fileName = `${slug(body.chartName ?? scope.explore.label ?? exploreId)}_${this.now().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;

    return this.jobs.start(
      { jobType: CSV_JOB_TYPE, projectUuid, createdByUserUuid: account.user.userUuid, steps: [STEP] },
      (reporter, jobUuid) =>
        reporter.step(STEP, async () => {
          const controller = new AbortController();
          this.running.add(controller);
          const part = await this.files.partPath(jobUuid);
          try {
            const { rowCount, truncated } = await mappingQueryErrors(this.settings.timeoutSeconds, async () => {
              const control = { signal: controller.signal, timeoutMs: this.settings.timeoutSeconds * 1000 };
              // The warehouse's own CSV writer when it has one for these columns (same bytes).
              const native =
                nativeColumns && client.exportCsv
                  ? await client.exportCsv({
                      ...control,
                      sql: compiled.sql,
                      file: part,
                      columns: nativeColumns,
                      header: csvHeader(columns),
                      limit,
                      // Without sorts the query has no ORDER BY: any row order is the query's answer.
                      ordered: (query.sorts ?? []).length > 0,
                    })
                  : undefined;
              if (native) return native;
              const { batches } = await client.stream(compiled.sql, { ...control, batchSize: BATCH_SIZE });
              return writeCsv(part, columns, batches, { limit, cells });
            });
            await this.files.complete({ jobUuid, projectUuid: projectUuid.toLowerCase(), userUuid: account.user.userUuid, fileName, rowCount, truncated });
          } catch (error) {
            await this.files.discard(jobUuid);
            throw error;
          } finally {
            this.running.delete(controller);
          }
        }),
    );
  }

  /** getCsvUrl: the job's status, and the download link once the file is there. */
  async status(account: MemberAccount, jobUuid: string): Promise<CsvUrl> {
    const job = await this.jobRecords.find(jobUuid);
    if (!job || job.jobType !== CSV_JOB_TYPE || job.projectUuid === null) throw new NotFoundError('CSV export not found');
    await this.guard.authorize(account, job.projectUuid, 'view');
    if (job.createdByUserUuid !== account.user.userUuid) throw new ForbiddenError('Only the user who started this export can follow it');
    switch (job.jobStatus) {
      case 'STARTED':
        return { url: '', status: 'scheduled', truncated: false };
      case 'RUNNING':
        return { url: '', status: 'started', truncated: false };
      case 'ERROR':
        return { url: '', status: 'error', truncated: false, error: job.errorMessage ?? 'The export failed' };
      case 'DONE': {
        const meta = await this.files.meta(jobUuid);
        if (!meta || this.files.isExpired(meta)) throw new ExpiredError('This export has expired: export the data again');
        return { url: `${this.settings.siteUrl}/api/v1/projects/${job.projectUuid}/csv/${jobUuid}`, status: 'completed', truncated: meta.truncated };
      }
    }
  }

  /** The file, for its exporter, while it has not expired. */
  async download(account: MemberAccount, projectUuid: string, jobUuid: string): Promise<{ meta: CsvFileMeta; stream: ReadStream }> {
    await this.guard.authorize(account, projectUuid, 'view');
    const meta = await this.files.meta(jobUuid);
    if (!meta || meta.projectUuid !== projectUuid.toLowerCase()) throw new NotFoundError('CSV export not found: it may have expired; export the data again');
    if (meta.userUuid !== account.user.userUuid) throw new ForbiddenError('Only the user who exported this file can download it');
    if (this.files.isExpired(meta)) throw new ExpiredError('This export has expired: export the data again');
    return { meta, stream: this.files.open(jobUuid) };
  }

  /** Stops running exports (server shutdown): their warehouse queries are cancelled. */
  abortAll(): void {
    for (const controller of this.running) controller.abort();
  }
}

const slug = (name: string): string => name.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 100) || 'export';
