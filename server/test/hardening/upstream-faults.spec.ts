// Management API faults injected through the tenant's /__local/faults: each ends in the documented
// error code, before the upstream would have answered (every delayed fault outlasts the test's own
// timeout, so an API that waited could not pass), with no partial write, and the next call recovers.
import { startLocalAuth0 } from 'local-auth0';
import { createServer } from 'node:net';
import { errorCode, gql, ME, UPDATE, type GraphQLResult } from '../support/graphql';
import { ADA, GRACE, startApi, startPersistentStack } from '../support/stack';
import { useStack } from '../support/use-stack';
import { injectFault, resetTenant, storedUser, userToken } from 'local-auth0/testing';
import { callsOf } from './harness';

const TEST_TIMEOUT_MS = 15_000;
const STALL_MS = 40_000;
jest.setTimeout(TEST_TIMEOUT_MS);

const SEEDED_ADA = { firstName: 'Ada', lastName: 'Lovelace' };
const READ = 'GET /api/v2/users/:id';
const WRITE = 'PATCH /api/v2/users/:id';

// TTL 0: every `me` reaches the Management API, so every injected fault is met; no last-known
// profiles: the errors of a user never read before (last-known answers: replicas/last-known.spec.ts).
const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '0', UPDATE_RATE_LIMIT_PER_MINUTE: '1000', LAST_KNOWN_PROFILE_TTL_SECONDS: '0' }, signIn: ['ada'] });
beforeAll(async () => {
  expect((await me()).status).toBe(200);
});

const me = () => gql(stack.api.url, ME, { token: stack.tokens.ada });
const rename = (firstName: string) => gql(stack.api.url, UPDATE, { token: stack.tokens.ada, variables: { input: { firstName } } });

function expectError(res: GraphQLResult, code: string) {
  expect(errorCode(res)).toBe(code);
  expect(res.status).toBeLessThan(500);
  expect(res.body.data ?? null).toBeNull();
  expect(JSON.stringify(res.body)).not.toMatch(/Injected fault|statusCode|stack/);
}

async function expectRecovered() {
  const read = await me();
  expect(read.body.errors).toBeUndefined();
  expect((read.body.data?.me as { id: string }).id).toBe(ADA);
  const write = await rename('Recovered');
  expect(write.body.errors).toBeUndefined();
  expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toEqual({ ...SEEDED_ADA, firstName: 'Recovered' });
}

async function expectAdaUnchanged() {
  expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toEqual(SEEDED_ADA);
}

const calls = (route: string) => callsOf(stack.tenant.url, route);

describe('429 from the Management API', () => {
  it('answers RATE_LIMITED with retryAfterSeconds from retry-after, then recovers', async () => {
    await injectFault(stack.tenant.url, { route: READ, status: 429, headers: { 'retry-after': '30' } });
    const res = await me();
    expectError(res, 'RATE_LIMITED');
    expect(res.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(30);
    await expectRecovered();
  });

  it('falls back to x-ratelimit-reset when there is no retry-after', async () => {
    const reset = Math.floor(Date.now() / 1000) + 45;
    await injectFault(stack.tenant.url, { route: READ, status: 429, headers: { 'retry-after': '', 'x-ratelimit-reset': String(reset) } });
    const res = await me();
    expectError(res, 'RATE_LIMITED');
    const retry = res.body.errors?.[0]?.extensions?.retryAfterSeconds ?? 0;
    expect(retry).toBeGreaterThanOrEqual(40);
    expect(retry).toBeLessThanOrEqual(46);
    await expectRecovered();
  });

  it('answers RATE_LIMITED on a PATCH with no write, then recovers', async () => {
    await injectFault(stack.tenant.url, { route: WRITE, status: 429, headers: { 'retry-after': '20' } });
    const res = await rename('Throttled');
    expectError(res, 'RATE_LIMITED');
    expect(res.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(20);
    expect(await calls(WRITE)).toBe(1);
    await expectAdaUnchanged();
    await expectRecovered();
  });
});

describe('5xx from the Management API', () => {
  it('answers UPSTREAM_UNAVAILABLE when reads keep failing with 500, then recovers', async () => {
    await injectFault(stack.tenant.url, { route: READ, status: 500, times: 2 });
    expectError(await me(), 'UPSTREAM_UNAVAILABLE');
    expect(await calls(READ)).toBe(2);
    await expectRecovered();
  });

  it('rides out a single 503 on a read with its one retry', async () => {
    await injectFault(stack.tenant.url, { route: READ, status: 503, times: 1 });
    const res = await me();
    expect(res.body.errors).toBeUndefined();
    expect(await calls(READ)).toBe(2);
  });

  it('answers UPSTREAM_UNAVAILABLE on a 500 PATCH without retrying the write, then recovers', async () => {
    await injectFault(stack.tenant.url, { route: WRITE, status: 500 });
    expectError(await rename('Broken'), 'UPSTREAM_UNAVAILABLE');
    expect(await calls(WRITE)).toBe(1);
    await expectAdaUnchanged();
    await expectRecovered();
  });

  it('answers UPSTREAM_UNAVAILABLE when the token endpoint keeps failing, then recovers', async () => {
    const api = await startApi(stack.tenant.url, { PROFILE_CACHE_TTL_SECONDS: '0', LAST_KNOWN_PROFILE_TTL_SECONDS: '0' });
    try {
      // Two failures: the read's one retry asks for a token again.
      await injectFault(stack.tenant.url, { route: 'POST /oauth/token', status: 503, times: 2 });
      expectError(await gql(api.url, ME, { token: stack.tokens.ada }), 'UPSTREAM_UNAVAILABLE');
      expect(await calls('POST /oauth/token')).toBe(2);
      expect(await calls(READ)).toBe(0);
      expect((await gql(api.url, ME, { token: stack.tokens.ada })).body.errors).toBeUndefined();
    } finally {
      await api.close();
    }
  });
});

describe('slow answers past the deadline', () => {
  it('answers UPSTREAM_UNAVAILABLE for a stalled read long before the read would have ended, then recovers', async () => {
    await injectFault(stack.tenant.url, { route: READ, delayMs: STALL_MS });
    expectError(await me(), 'UPSTREAM_UNAVAILABLE');
    await expectRecovered();
  });

  it('answers UPSTREAM_UNAVAILABLE for a stalled PATCH with nothing written, then recovers', async () => {
    await injectFault(stack.tenant.url, { route: WRITE, delayMs: STALL_MS, status: 503 });
    expectError(await rename('Stalled'), 'UPSTREAM_UNAVAILABLE');
    expect(await calls(WRITE)).toBe(1);
    await expectAdaUnchanged();
    await expectRecovered();
  });
});

describe('malformed bodies', () => {
  it('answers UPSTREAM_UNAVAILABLE for a truncated user body, then recovers', async () => {
    await injectFault(stack.tenant.url, { route: READ, status: 200, body: 'broken', times: 2 });
    expectError(await me(), 'UPSTREAM_UNAVAILABLE');
    await resetTenant(stack.tenant.url);
    await expectRecovered();
  });

  it('answers UPSTREAM_UNAVAILABLE for a well-formed body that is not a user', async () => {
    await injectFault(stack.tenant.url, { route: READ, status: 200, body: { unexpected: true }, times: 2 });
    expectError(await me(), 'UPSTREAM_UNAVAILABLE');
    await resetTenant(stack.tenant.url);
    await expectRecovered();
  });

  it('answers UPSTREAM_UNAVAILABLE for a truncated PATCH answer with nothing written', async () => {
    await injectFault(stack.tenant.url, { route: WRITE, status: 200, body: 'broken' });
    expectError(await rename('Truncated'), 'UPSTREAM_UNAVAILABLE');
    await expectAdaUnchanged();
    await expectRecovered();
  });
});

describe('refused connections', () => {
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('answers UPSTREAM_UNAVAILABLE (HTTP 503) when the tenant, keys included, was never reachable', async () => {
    const api = await startApi(`http://localhost:${await closedPort()}`);
    try {
      const res = await gql(api.url, ME, { token: stack.tokens.ada });
      // The token cannot be checked without the key set: the whole request fails with 503, not 401.
      expect(errorCode(res)).toBe('UPSTREAM_UNAVAILABLE');
      expect(res.status).toBe(503);
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('answers UPSTREAM_UNAVAILABLE while the tenant is down, and recovers when it is back on its port', async () => {
    const own = await startPersistentStack({ PROFILE_CACHE_TTL_SECONDS: '0', LAST_KNOWN_PROFILE_TTL_SECONDS: '0' });
    let restarted: Awaited<ReturnType<typeof startLocalAuth0>> | undefined;
    try {
      const graceToken = await userToken(own.tenant.url, { email: 'grace@example.com' });
      expect((await gql(own.api.url, ME, { token: graceToken })).body.errors).toBeUndefined();
      await own.tenant.close();
      const down = await gql(own.api.url, ME, { token: graceToken });
      expectError(down, 'UPSTREAM_UNAVAILABLE');
      restarted = await startLocalAuth0({ port: own.tenant.port, stateFile: own.stateFile });
      const back = await gql(own.api.url, ME, { token: graceToken });
      expect(back.body.errors).toBeUndefined();
      expect((back.body.data?.me as { id: string }).id).toBe(GRACE);
    } finally {
      await own.api.close();
      await restarted?.close();
    }
  });
});
