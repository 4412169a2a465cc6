import { ForbiddenError, NotFoundError } from '@tessera/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ok, okSchema } from '../http/envelope.js';
import { requireMember } from '../identity/account.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import type { Job, JobRepository } from './job-repository.js';

const jobSchema = z
  .object({
    jobUuid: z.string(),
    projectUuid: z.string().nullable(),
    jobType: z.string(),
    jobStatus: z.enum(['STARTED', 'RUNNING', 'DONE', 'ERROR']),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    error: z.string().nullable(),
    steps: z.array(
      z.object({
        stepType: z.string(),
        stepStatus: z.string(),
        stepError: z.string().nullable(),
        startedAt: z.string().nullable(),
        updatedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Job' });

const toDto = (job: Job): z.infer<typeof jobSchema> => ({
  jobUuid: job.jobUuid,
  projectUuid: job.projectUuid,
  jobType: job.jobType,
  jobStatus: job.jobStatus,
  createdAt: job.createdAt.toISOString(),
  updatedAt: job.updatedAt.toISOString(),
  error: job.errorMessage,
  steps: job.steps.map((s) => ({
    stepType: s.name,
    stepStatus: s.status,
    stepError: s.error,
    startedAt: s.startedAt,
    updatedAt: s.endedAt ?? s.startedAt,
  })),
});

/** `GET /api/v1/jobs/{jobUuid}`: whoever may view the job's project may follow it. */
export const jobRoutes = (app: FastifyInstance, deps: { jobs: JobRepository; guard: ProjectGuard }): void => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/jobs/:jobUuid', {
    schema: {
      tags: ['Jobs'],
      summary: 'Status and steps of a background job (e.g. a project compile)',
      params: z.object({ jobUuid: z.uuid() }),
      response: { 200: okSchema(jobSchema), ...errorResponses },
    },
  }, async (request) => {
    const account = requireMember(request);
    const job = await deps.jobs.find(request.params.jobUuid);
    if (!job) throw new NotFoundError('Job not found');
    if (job.projectUuid !== null) await deps.guard.authorize(account, job.projectUuid, 'view');
    else if (job.createdByUserUuid !== account.user.userUuid) throw new ForbiddenError("You don't have access to this job");
    return ok(toDto(job));
  });
};
