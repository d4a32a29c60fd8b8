import { Router, type RequestHandler } from 'express';
import { ManagementApiError } from '../http/errors';
import type { Instrumentation } from '../http/instrument';
import type { Tenant } from '../tenant';
import { authenticate, requireAnyScope } from './auth';
import { parseExportRequest } from './jobs-body';
import type { ExportJobs } from './jobs-store';

const noSuchJob = () => new ManagementApiError(404, 'The job does not exist.', 'inexistent_job');

export function createExportJob(tenant: Tenant, jobs: ExportJobs): RequestHandler {
  return async (req, res) => {
    requireAnyScope(await authenticate(tenant, req), ['read:users']);
    res.status(201).json(jobs.create(parseExportRequest(req.body)));
  };
}

export function getJob(tenant: Tenant, jobs: ExportJobs): RequestHandler<{ id: string }> {
  return async (req, res) => {
    requireAnyScope(await authenticate(tenant, req), ['create:users', 'read:users']);
    const job = jobs.read(req.params.id);
    if (!job) throw noSuchJob();
    res.json(job);
  };
}

/** `/exports/<job id>.<format>.gz`: the gzipped file of a completed export, counted and fault-injectable. */
export function exportDownloadRouter(jobs: ExportJobs, inst: Instrumentation): Router {
  const router = Router();
  router.get('/exports/:file', ...inst.route('GET /exports/:file'), (req, res) => {
    const file = jobs.file(String(req.params.file));
    if (!file) throw new ManagementApiError(404, 'Not Found', 'not_found');
    res.type('application/gzip').send(file);
  });
  return router;
}
