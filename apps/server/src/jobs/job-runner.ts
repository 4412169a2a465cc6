import { randomUUID } from 'node:crypto';
import { TesseraError } from '@tessera/core';
import type { FastifyBaseLogger } from 'fastify';
import type { JobRepository, JobStep } from './job-repository.js';

/** What a job's work uses to report which step it is in. */
export type StepReporter = { step<T>(name: string, work: () => Promise<T>): Promise<T> };

/**
 * Runs background jobs in this process and records their progress in the store, so any node can
 * answer a status poll. A failed job keeps the failing step and a message meant for the user
 * (a TesseraError's message; anything else is logged and reported generically).
 */
export class JobRunner {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly jobs: JobRepository,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => Date,
  ) {}

  async start(
    job: { jobType: string; projectUuid: string | null; createdByUserUuid: string | null; steps: string[] },
    work: (reporter: StepReporter, jobUuid: string) => Promise<void>,
  ): Promise<string> {
    const jobUuid = randomUUID();
    const steps: JobStep[] = job.steps.map((name) => ({ name, status: 'PENDING', startedAt: null, endedAt: null, error: null }));
    await this.jobs.create({ jobUuid, ...job, jobStatus: 'STARTED', steps }, this.now());
    const run = this.run(jobUuid, steps, work).finally(() => this.running.delete(run));
    this.running.add(run);
    return jobUuid;
  }

  /** Resolves when every job started so far has finished (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async run(jobUuid: string, steps: JobStep[], work: (reporter: StepReporter, jobUuid: string) => Promise<void>) {
    const save = (jobStatus: 'RUNNING' | 'DONE' | 'ERROR', errorMessage?: string) =>
      this.jobs.update(jobUuid, { jobStatus, steps, ...(errorMessage !== undefined ? { errorMessage } : {}) }, this.now());
    const reporter: StepReporter = {
      step: async (name, stepWork) => {
        let step = steps.find((s) => s.name === name);
        if (!step) steps.push((step = { name, status: 'PENDING', startedAt: null, endedAt: null, error: null }));
        step.status = 'RUNNING';
        step.startedAt = this.now().toISOString();
        await save('RUNNING');
        try {
          const result = await stepWork();
          step.status = 'DONE';
          return result;
        } catch (error) {
          step.status = 'ERROR';
          step.error = messageOf(error);
          throw error;
        } finally {
          step.endedAt = this.now().toISOString();
        }
      },
    };
    try {
      await work(reporter, jobUuid);
      for (const s of steps) if (s.status === 'PENDING') s.status = 'SKIPPED';
      await save('DONE');
    } catch (error) {
      if (!(error instanceof TesseraError)) this.log.error({ err: error, jobUuid }, 'job failed');
      await save('ERROR', messageOf(error)).catch((e: unknown) => this.log.error({ err: e, jobUuid }, 'could not record job failure'));
    }
  }
}

const messageOf = (error: unknown): string =>
  error instanceof TesseraError ? error.message : 'The job failed unexpectedly; the error was logged on the server';
