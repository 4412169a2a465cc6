import type { Kysely, Selectable } from 'kysely';
import type { Database, JobStepRow, JobsTable } from '../store/schema.js';

export type JobStatus = 'STARTED' | 'RUNNING' | 'DONE' | 'ERROR';
export type JobStep = JobStepRow;
export type Job = {
  jobUuid: string;
  projectUuid: string | null;
  jobType: string;
  jobStatus: JobStatus;
  steps: JobStep[];
  errorMessage: string | null;
  createdByUserUuid: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const toJob = (row: Selectable<JobsTable>): Job => ({
  jobUuid: row.job_uuid,
  projectUuid: row.project_uuid,
  jobType: row.job_type,
  jobStatus: row.job_status as JobStatus,
  steps: row.steps,
  errorMessage: row.error_message,
  createdByUserUuid: row.created_by_user_uuid,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class JobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(job: Omit<Job, 'createdAt' | 'updatedAt' | 'errorMessage'>, at: Date): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({
        job_uuid: job.jobUuid,
        project_uuid: job.projectUuid,
        job_type: job.jobType,
        job_status: job.jobStatus,
        steps: JSON.stringify(job.steps),
        created_by_user_uuid: job.createdByUserUuid,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  async update(jobUuid: string, values: { jobStatus: JobStatus; steps: JobStep[]; errorMessage?: string | null }, at: Date) {
    await this.db
      .updateTable('jobs')
      .set({
        job_status: values.jobStatus,
        steps: JSON.stringify(values.steps),
        ...(values.errorMessage !== undefined ? { error_message: values.errorMessage } : {}),
        updated_at: at,
      })
      .where('job_uuid', '=', jobUuid)
      .execute();
  }

  async find(jobUuid: string): Promise<Job | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('job_uuid', '=', jobUuid).executeTakeFirst();
    return row && toJob(row);
  }

  /** Jobs a crashed or stopped server left running can never finish: mark them failed at start-up. */
  async failUnfinished(at: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ job_status: 'ERROR', error_message: 'The server stopped before this job finished: run it again', updated_at: at })
      .where('job_status', 'in', ['STARTED', 'RUNNING'])
      .execute();
  }
}
