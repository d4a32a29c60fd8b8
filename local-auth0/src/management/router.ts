import { Router, type RequestHandler } from 'express';
import { ManagementApiError } from '../http/errors';
import type { Instrumentation, RouteKey } from '../http/instrument';
import { rateLimited, type TokenBucket } from '../http/rate-limit';
import type { Tenant } from '../tenant';
import { sendVerificationMail } from '../mail/email-verification';
import type { TenantMailer } from '../mail/mailer';
import { applyPatch } from './apply-patch';
import { deleteUserHandler } from './delete-user';
import { authenticate, requireAnyScope } from './auth';
import { validatePatch } from './patch-schema';
import { createExportJob, getJob } from './jobs-router';
import type { ExportJobs } from './jobs-store';
import { invalidQuery, selectFields, userView } from './user-view';

const MAX_PER_PAGE = 100;
/** Auth0 pages through the first 1,000 users only; the export job is the way to read more. */
const MAX_PAGED_RECORDS = 1000;

const noSuchUser = () => new ManagementApiError(404, 'The user does not exist.', 'inexistent_user');

function pageParam(value: unknown, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw invalidQuery(`'Expected type integer but found type string' on property ${name}.`);
  if (n > max) throw invalidQuery(`'Value ${n} is greater than maximum ${max}' on property ${name}.`);
  return n;
}

function listUsers(tenant: Tenant): RequestHandler {
  return async (req, res) => {
    requireAnyScope(await authenticate(tenant, req), ['read:users']);
    const page = pageParam(req.query.page, 'page', 0);
    const perPage = pageParam(req.query.per_page, 'per_page', 50, MAX_PER_PAGE);
    if (page * perPage + perPage > MAX_PAGED_RECORDS) {
      throw new ManagementApiError(400, 'You can only page through the first 1000 records', 'invalid_paging');
    }
    const all = tenant.state.users;
    const users = all
      .slice(page * perPage, page * perPage + perPage)
      .map((u) => selectFields(userView(u), req.query.fields, req.query.include_fields));
    if (req.query.include_totals !== 'true') {
      res.json(users);
      return;
    }
    res.json({ start: page * perPage, limit: perPage, length: users.length, total: all.length, users });
  };
}

/** Exact (case-insensitive) address match, as Auth0 does; an array, empty when nobody has it. */
function usersByEmail(tenant: Tenant): RequestHandler {
  return async (req, res) => {
    requireAnyScope(await authenticate(tenant, req), ['read:users']);
    const email = req.query.email;
    if (typeof email !== 'string' || email === '') throw invalidQuery("Missing required property: email");
    if (email.length > 512) throw invalidQuery("'String is too long (512 chars), maximum 512' on property email.");
    const user = tenant.userByEmail(email);
    res.json(user ? [selectFields(userView(user), req.query.fields, req.query.include_fields)] : []);
  };
}

function getUser(tenant: Tenant): RequestHandler<{ id: string }> {
  return async (req, res) => {
    requireAnyScope(await authenticate(tenant, req), ['read:users', 'read:current_user'], req.params.id);
    const user = tenant.user(req.params.id);
    if (!user) throw noSuchUser();
    res.json(selectFields(userView(user), req.query.fields, req.query.include_fields));
  };
}

const UPDATE_SCOPES = ['update:users', 'update:users_app_metadata', 'update:current_user_metadata'];

function patchUser(tenant: Tenant, mailer: TenantMailer): RequestHandler<{ id: string }> {
  return async (req, res) => {
    const caller = await authenticate(tenant, req);
    requireAnyScope(caller, UPDATE_SCOPES, req.params.id);
    const patch = validatePatch(req.body);
    if (!caller.scopes.has('update:users')) {
      const allowed = caller.scopes.has('update:users_app_metadata') ? ['user_metadata', 'app_metadata'] : ['user_metadata'];
      if (Object.keys(patch).some((k) => !allowed.includes(k))) requireAnyScope(caller, ['update:users']);
    }
    const updated = await applyPatch(tenant, req.params.id, patch);
    if (!updated) throw noSuchUser();
    // As Auth0: the answer does not wait for the mail.
    if (patch.verify_email === true) void sendVerificationMail(tenant, mailer, updated);
    res.json(userView(updated));
  };
}

/** `/api/v2`: the users and export-job endpoints, each counted, rate limited (with headers) and fault-injectable. */
export function managementRouter(tenant: Tenant, inst: Instrumentation, bucket: TokenBucket, jobs: ExportJobs, mailer: TenantMailer): Router {
  const router = Router();
  const chain = (key: RouteKey) => [inst.counter(key), rateLimited(bucket), inst.injector(key)];
  router.get('/users', ...chain('GET /api/v2/users'), listUsers(tenant));
  router.get('/users-by-email', ...chain('GET /api/v2/users-by-email'), usersByEmail(tenant));
  router.get('/users/:id', ...chain('GET /api/v2/users/:id'), getUser(tenant));
  router.patch('/users/:id', ...chain('PATCH /api/v2/users/:id'), patchUser(tenant, mailer));
  router.delete('/users/:id', ...chain('DELETE /api/v2/users/:id'), deleteUserHandler(tenant));
  router.post('/jobs/users-exports', ...chain('POST /api/v2/jobs/users-exports'), createExportJob(tenant, jobs));
  router.get('/jobs/:id', ...chain('GET /api/v2/jobs/:id'), getJob(tenant, jobs));
  router.use(rateLimited(bucket), () => {
    throw new ManagementApiError(404, 'Not Found', 'not_found');
  });
  return router;
}
