import { randomBytes } from 'node:crypto';
import type { PersistedState, TenantOrigin } from '../tenant-parts';
import type { ExportRequest } from './jobs-body';
import { buildExportFile } from './jobs-file';

export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed';

interface ExportJob {
  id: string;
  status: JobStatus;
  createdAt: string;
  request: ExportRequest;
  file?: Buffer;
}

/** Where a completed job's file is served (no token needed, like Auth0's signed URL); the job id comes first. */
const exportFilePath = (job: ExportJob) => `/exports/${job.id}.${job.request.format}.gz`;

/**
 * Users-export jobs. Each read of a job moves it one step (pending -> processing -> completed),
 * so a poller sees every status without waiting on a clock; the users are read when it completes.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();

  constructor(private readonly tenant: PersistedState & TenantOrigin) {}

  create(request: ExportRequest): Record<string, unknown> {
    const job: ExportJob = { id: `job_${randomBytes(8).toString('hex')}`, status: 'pending', createdAt: new Date().toISOString(), request };
    this.jobs.set(job.id, job);
    return this.view(job);
  }

  /** The job as `GET /api/v2/jobs/{id}` shows it, after moving it on one step; undefined when unknown. */
  read(id: string): Record<string, unknown> | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.status === 'pending') job.status = 'processing';
    else if (job.status === 'processing') {
      job.file = buildExportFile(this.tenant.state.users, job.request);
      job.status = 'completed';
    }
    return this.view(job);
  }

  /** The file named `<job id>.<format>.gz`, once its job has completed. */
  file(name: string): Buffer | undefined {
    const job = this.jobs.get(name.split('.')[0] ?? '');
    return job && name === exportFilePath(job).slice('/exports/'.length) ? job.file : undefined;
  }

  private view(job: ExportJob): Record<string, unknown> {
    const { request } = job;
    return {
      type: 'users_export',
      status: job.status,
      id: job.id,
      created_at: job.createdAt,
      connection_id: request.connection_id,
      format: request.format,
      limit: request.limit,
      fields: request.fields,
      ...(job.status === 'completed' ? { location: `${this.tenant.url}${exportFilePath(job)}` } : {}),
    };
  }
}
