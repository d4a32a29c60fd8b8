// What the Management API answers is checked, not trusted: another user's record is an upstream
// failure and is never shown; a rate-limit wait is read from retry-after (seconds or HTTP date) and
// capped at 60 s; a 408 is a timeout, not a rejection.
import { errorCode, gql, ME, UPDATE, type GraphQLResult } from '../support/graphql';
import { ADA, ALAN, startApi } from '../support/stack';
import { injectFault, resetTenant, storedUser } from 'local-auth0/testing';
import { callsOf } from './harness';
import { useStack } from '../support/use-stack';

jest.setTimeout(20_000);

const READ = 'GET /api/v2/users/:id';
const WRITE = 'PATCH /api/v2/users/:id';

const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '30', UPDATE_RATE_LIMIT_PER_MINUTE: '1000' }, signIn: ['ada'] });

const me = () => gql(stack.api.url, ME, { token: stack.tokens.ada });
const rename = (firstName: string) => gql(stack.api.url, UPDATE, { token: stack.tokens.ada, variables: { input: { firstName } } });

function expectUpstreamUnavailable(res: GraphQLResult) {
  expect(errorCode(res)).toBe('UPSTREAM_UNAVAILABLE');
  expect(res.body.errors?.[0]?.message).toBe('The identity service is not answering; try again shortly');
  expect(res.body.data ?? null).toBeNull();
}

function retryAfterOf(res: GraphQLResult): unknown {
  return res.body.errors?.[0]?.extensions?.retryAfterSeconds;
}

describe("another user's record in the answer", () => {
  it('answers UPSTREAM_UNAVAILABLE to me, showing nothing of the other user, and caches nothing', async () => {
    const alan = await storedUser(stack.tenant.url, ALAN);
    const api = await startApi(stack.tenant.url);
    try {
      await injectFault(stack.tenant.url, { route: READ, status: 200, body: alan });
      const res = await gql(api.url, ME, { token: stack.tokens.ada });
      expectUpstreamUnavailable(res);
      expect(JSON.stringify(res.body)).not.toMatch(/alan|Turing/i);
      const next = await gql(api.url, ME, { token: stack.tokens.ada });
      expect((next.body.data?.me as { id: string }).id).toBe(ADA);
    } finally {
      await api.close();
    }
  });

  it('answers UPSTREAM_UNAVAILABLE to updateProfile when the PATCH answer is another user', async () => {
    const alan = await storedUser(stack.tenant.url, ALAN);
    await injectFault(stack.tenant.url, { route: WRITE, status: 200, body: alan });
    const res = await rename('Augusta');
    expectUpstreamUnavailable(res);
    expect(JSON.stringify(res.body)).not.toMatch(/alan|Turing/i);
    expect((await me()).body.data?.me).toMatchObject({ id: ADA, email: 'ada@example.com' });
  });
});

describe('rate-limit waits', () => {
  it('caps an absurd retry-after at 60 s', async () => {
    await injectFault(stack.tenant.url, { route: WRITE, status: 429, headers: { 'retry-after': '999999999' } });
    const res = await rename('Capped');
    expect(errorCode(res)).toBe('RATE_LIMITED');
    expect(retryAfterOf(res)).toBe(60);
    expect(res.body.errors?.[0]?.message).toBe('Too many requests to the identity service; try again in 60 s');
  });

  it('reads retry-after given as an HTTP date', async () => {
    const inAbout20s = new Date(Date.now() + 20_000).toUTCString();
    await injectFault(stack.tenant.url, { route: WRITE, status: 429, headers: { 'retry-after': inAbout20s } });
    const retry = retryAfterOf(await rename('Dated'));
    expect(retry).toBeGreaterThanOrEqual(15);
    expect(retry).toBeLessThanOrEqual(21);
  });

  it('waits at least 1 s when retry-after is a date in the past (one retry, then RATE_LIMITED)', async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    await injectFault(stack.tenant.url, { route: WRITE, status: 429, times: 2, headers: { 'retry-after': past } });
    expect(retryAfterOf(await rename('Past'))).toBe(1);
    expect(await callsOf(stack.tenant.url, WRITE)).toBe(2);
  });

  it('caps an x-ratelimit-reset far in the future at 60 s', async () => {
    const reset = Math.floor(Date.now() / 1000) + 86_400;
    await injectFault(stack.tenant.url, { route: WRITE, status: 429, headers: { 'retry-after': '', 'x-ratelimit-reset': String(reset) } });
    expect(retryAfterOf(await rename('Tomorrow'))).toBe(60);
  });
});

describe('408 from the Management API', () => {
  it('is a timeout: UPSTREAM_UNAVAILABLE on a read, with no retry', async () => {
    await resetTenant(stack.tenant.url);
    // No last-known profile: the error itself is what this test reads.
    const api = await startApi(stack.tenant.url, { PROFILE_CACHE_TTL_SECONDS: '0', LAST_KNOWN_PROFILE_TTL_SECONDS: '0' });
    try {
      await gql(api.url, ME, { token: stack.tokens.ada });
      await injectFault(stack.tenant.url, { route: READ, status: 408 });
      const before = await callsOf(stack.tenant.url, READ);
      expectUpstreamUnavailable(await gql(api.url, ME, { token: stack.tokens.ada }));
      expect(await callsOf(stack.tenant.url, READ)).toBe(before + 1);
    } finally {
      await api.close();
    }
  });

  it('is a timeout on a PATCH too: UPSTREAM_UNAVAILABLE, not an internal error', async () => {
    await injectFault(stack.tenant.url, { route: WRITE, status: 408 });
    expectUpstreamUnavailable(await rename('Slow'));
  });
});
