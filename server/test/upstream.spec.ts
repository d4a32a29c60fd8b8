import { errorCode, gql, ME, UPDATE } from './support/graphql';
import { useStack } from './support/use-stack';
import { injectFault, readCounts, resetCounts } from 'local-auth0/testing';

// AUTH0_TIMEOUT_MS is 1000 in the test stack; the contract is an answer within ~5 s.
const BUDGET_MS = 5000;
const GET_USER = 'GET /api/v2/users/:id';

// No profile cache: every me must reach the tenant to meet the injected fault. No last-known
// profiles: these are the errors a user gets whose profile was never read (last-known.spec.ts).
const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '0', LAST_KNOWN_PROFILE_TTL_SECONDS: '0' }, signIn: ['ada'] });
beforeEach(async () => {
  await gql(stack.api.url, ME, { token: stack.tokens.ada }); // warm: the Management API token is fetched and cached
  await resetCounts(stack.tenant.url);
});

async function timedMe() {
  const started = Date.now();
  const result = await gql(stack.api.url, ME, { token: stack.tokens.ada });
  return { result, elapsedMs: Date.now() - started };
}

async function expectNextRequestSucceeds() {
  const result = await gql(stack.api.url, ME, { token: stack.tokens.ada });
  expect(result.body.errors).toBeUndefined();
  expect(result.body.data?.me).toMatchObject({ email: 'ada@example.com' });
}

it('answers RATE_LIMITED with retryAfterSeconds when Auth0 keeps answering 429', async () => {
  await injectFault(stack.tenant.url, { route: GET_USER, status: 429, times: 2 });
  const { result } = await timedMe();
  expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
  expect((await readCounts(stack.tenant.url))[GET_USER]).toBe(2);
  await expectNextRequestSucceeds();
});

it('does not wait out a long retry-after: RATE_LIMITED at once with Auth0\'s wait', async () => {
  await injectFault(stack.tenant.url, { route: GET_USER, status: 429, headers: { 'retry-after': '30' } });
  const { result } = await timedMe();
  expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
  expect((await readCounts(stack.tenant.url))[GET_USER]).toBe(1);
});

it('takes the wait from x-ratelimit-reset when there is no retry-after', async () => {
  const reset = Math.ceil(Date.now() / 1000) + 20;
  await injectFault(stack.tenant.url, { route: GET_USER, status: 429, headers: { 'retry-after': '', 'x-ratelimit-reset': String(reset) } });
  const { result } = await timedMe();
  expect(result.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  expect(result.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(18);
});

it('rides out a single short 429 by retrying once after retry-after', async () => {
  await injectFault(stack.tenant.url, { route: GET_USER, status: 429, times: 1 });
  await expectNextRequestSucceeds();
  expect((await readCounts(stack.tenant.url))[GET_USER]).toBe(2);
});

it('answers UPSTREAM_UNAVAILABLE within the budget when Auth0 keeps answering 500, without leaking the body', async () => {
  await injectFault(stack.tenant.url, { route: GET_USER, status: 500, times: 2, body: { message: 'secret upstream detail' } });
  const { result, elapsedMs } = await timedMe();
  expect(errorCode(result)).toBe('UPSTREAM_UNAVAILABLE');
  expect(JSON.stringify(result.body)).not.toContain('secret upstream detail');
  expect(elapsedMs).toBeLessThan(BUDGET_MS);
  await expectNextRequestSucceeds();
});

it('answers UPSTREAM_UNAVAILABLE within the budget when Auth0 stalls past the timeout', async () => {
  await injectFault(stack.tenant.url, { route: GET_USER, delayMs: 3000 });
  const { result, elapsedMs } = await timedMe();
  expect(errorCode(result)).toBe('UPSTREAM_UNAVAILABLE');
  expect(elapsedMs).toBeLessThan(BUDGET_MS);
  await expectNextRequestSucceeds();
});

it('answers UPSTREAM_UNAVAILABLE for a truncated JSON body', async () => {
  await injectFault(stack.tenant.url, { route: GET_USER, status: 200, body: 'broken' });
  expect(errorCode((await timedMe()).result)).toBe('UPSTREAM_UNAVAILABLE');
  await expectNextRequestSucceeds();
});

it('does not retry a PATCH answered with 500 (it may have been applied)', async () => {
  await injectFault(stack.tenant.url, { route: 'PATCH /api/v2/users/:id', status: 503 });
  const result = await gql(stack.api.url, UPDATE, { token: stack.tokens.ada, variables: { input: { firstName: 'Augusta' } } });
  expect(errorCode(result)).toBe('UPSTREAM_UNAVAILABLE');
  expect((await readCounts(stack.tenant.url))['PATCH /api/v2/users/:id']).toBe(1);
});

it('answers NOT_FOUND when the user no longer exists', async () => {
  await injectFault(stack.tenant.url, { route: GET_USER, status: 404 });
  expect(errorCode((await timedMe()).result)).toBe('NOT_FOUND');
});
