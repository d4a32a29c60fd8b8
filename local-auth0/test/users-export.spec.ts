import { gunzipSync } from 'node:zlib';
import { addUsers, allUsers, injectFault, resetTenant, ROUTES } from '../src/testing';
import { counts, json, managementToken, post, startTenant, useTenant } from './helpers';

const tenant = useTenant({ reset: 'none' });
let token: string;
const auth = () => ({ authorization: `Bearer ${token}` });

const generated = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ user_id: `auth0|gen${String(i).padStart(5, '0')}`, email: `gen${i}@example.com`, user_metadata: { firstName: `First${i}`, theme: 'dark' } }));

beforeAll(async () => {
  token = await managementToken(tenant);
  await addUsers(tenant.url, generated(1100));
});

const listPage = (page: number, perPage: number) =>
  fetch(`${tenant.url}/api/v2/users?page=${page}&per_page=${perPage}&include_totals=true`, { headers: auth() });
const createExport = (body: unknown, headers = auth()) => post(`${tenant.url}/api/v2/jobs/users-exports`, body, headers);
const getJob = (id: string) => fetch(`${tenant.url}/api/v2/jobs/${id}`, { headers: auth() });

describe('listing users', () => {
  it('pages through the first 1,000 records and reports the full total', async () => {
    const res = await listPage(9, 100);
    expect(res.status).toBe(200);
    const body = await json<{ total: number; users: unknown[] }>(res);
    expect(body.total).toBe(1103);
    expect(body.users).toHaveLength(100);
  });

  it('answers 400 "You can only page through the first 1000 records" beyond them', async () => {
    for (const [page, perPage] of [[10, 100], [20, 50], [0, 1001]] as const) {
      const res = await listPage(page, perPage);
      expect(res.status).toBe(400);
    }
    expect(await json(await listPage(10, 100))).toEqual({
      statusCode: 400, error: 'Bad Request', message: 'You can only page through the first 1000 records', errorCode: 'invalid_paging',
    });
  });
});

describe('users-export job', () => {
  it('goes pending -> processing -> completed and links a gzipped NDJSON file of every user', async () => {
    const fields = [{ name: 'user_id' }, { name: 'user_metadata' }, { name: 'user_metadata.theme', export_as: 'theme' }];
    const created = await createExport({ format: 'json', fields });
    expect(created.status).toBe(201);
    const job = await json<{ id: string; status: string; type: string }>(created);
    expect(job).toMatchObject({ type: 'users_export', status: 'pending', format: 'json', fields });
    expect(job.id).toMatch(/^job_/);
    expect(await json(await getJob(job.id))).toMatchObject({ status: 'processing' });
    const done = await json<{ status: string; location: string }>(await getJob(job.id));
    expect(done.status).toBe('completed');
    const file = await fetch(done.location);
    expect(file.status).toBe(200);
    const lines = gunzipSync(Buffer.from(await file.arrayBuffer())).toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(1103);
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.find((r) => r.user_id === 'auth0|gen01099')).toEqual({
      user_id: 'auth0|gen01099', user_metadata: { firstName: 'First1099', theme: 'dark' }, theme: 'dark',
    });
  });

  it('writes CSV with a header line when asked', async () => {
    const job = await json<{ id: string }>(await createExport({ format: 'csv', limit: 2, fields: [{ name: 'user_id' }, { name: 'email' }] }));
    await getJob(job.id);
    const { location } = await json<{ location: string }>(await getJob(job.id));
    const text = gunzipSync(Buffer.from(await (await fetch(location)).arrayBuffer())).toString('utf8');
    expect(text.trim().split('\n')).toEqual(['user_id,email', 'auth0|64f1a2b3c4d5e6f708192a3b,ada@example.com', 'google-oauth2|103547991597142817347,grace@example.com']);
  });

  it('answers 404 for an unknown job and for a file before its job completed', async () => {
    const res = await getJob('job_0000000000000000');
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ statusCode: 404, error: 'Not Found', message: 'The job does not exist.', errorCode: 'inexistent_job' });
    const job = await json<{ id: string }>(await createExport({ format: 'json' }));
    expect((await fetch(`${tenant.url}/exports/${job.id}.json.gz`)).status).toBe(404);
  });

  it('refuses a bad body with 400 invalid_body and a token without read:users with 403', async () => {
    for (const body of [{ format: 'xml' }, { format: 'json', colour: 'red' }, { fields: [{ export_as: 'x' }] }, { limit: 0 }]) {
      const res = await createExport(body);
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ errorCode: 'invalid_body' });
    }
    const narrow = await managementToken(tenant, 'update:users');
    expect((await createExport({ format: 'json' }, { authorization: `Bearer ${narrow}` })).status).toBe(403);
  });

  it('counts its calls and lets tests inject faults into each of them', async () => {
    await fetch(`${tenant.url}/__local/counts`, { method: 'DELETE' });
    await injectFault(tenant.url, { route: ROUTES.exportUsers, status: 503 });
    expect((await createExport({ format: 'json' })).status).toBe(503);
    const job = await json<{ id: string }>(await createExport({ format: 'json' }));
    await injectFault(tenant.url, { route: ROUTES.getJob, status: 429 });
    expect((await getJob(job.id)).status).toBe(429);
    await getJob(job.id);
    const { location } = await json<{ location: string }>(await getJob(job.id));
    await injectFault(tenant.url, { route: ROUTES.downloadExport, status: 500 });
    expect((await fetch(location)).status).toBe(500);
    expect((await fetch(location)).status).toBe(200);
    expect(await counts(tenant)).toMatchObject({ [ROUTES.exportUsers]: 2, [ROUTES.getJob]: 3, [ROUTES.downloadExport]: 2 });
  });
});

describe('generated users control', () => {
  it('adds users in bulk, refuses a duplicate id, and lists every user; reset drops them', async () => {
    expect((await allUsers(tenant.url)).length).toBe(1103);
    const dup = await post(`${tenant.url}/__local/users`, { users: [{ user_id: 'auth0|gen00000', email: 'other@example.com' }] });
    expect(dup.status).toBe(409);
    await resetTenant(tenant.url);
    expect((await allUsers(tenant.url)).length).toBe(3);
    await addUsers(tenant.url, generated(1100));
  });
});

describe('rate limit with a burst', () => {
  it('lets a burst of 10 through at once, then refuses until tokens come back', async () => {
    // Per minute, so that no token comes back during the burst however slow the machine is.
    const limited = await startTenant({ rateLimit: '2/m burst 10' });
    try {
      const t = await managementToken(limited);
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 12; i += 1) {
        last = await fetch(`${limited.url}/api/v2/users?per_page=1`, { headers: { authorization: `Bearer ${t}` } });
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
      expect(statuses.slice(10)).toEqual([429, 429]);
      expect(last?.headers.get('x-ratelimit-limit')).toBe('10');
    } finally {
      await limited.close();
    }
  });
});
