import { injectFault, ROUTES, userToken, type FaultSpec } from 'local-auth0/testing';
import { errorCode, gql, ME, UPDATE } from './support/graphql';
import { startStack } from './support/stack';
import { useStack } from './support/use-stack';

// One API without Redis (last-known profiles in process), no profile cache: every `me` reaches
// the tenant. AUTH0_TIMEOUT_MS is 1000 in the test stack; the contract is an answer within ~5 s.
const BUDGET_MS = 5000;

const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn' }, logs: 'file' });

async function timedMe(token: string) {
  const started = Date.now();
  const result = await gql(stack.api.url, ME, { token });
  return { result, elapsedMs: Date.now() - started };
}

const FAULTS: [string, Omit<FaultSpec, 'route'>, string][] = [
  ['429', { status: 429, times: 2 }, 'RATE_LIMITED'],
  ['500', { status: 500, times: 2 }, 'UPSTREAM_ERROR'],
  ['no answer (hang past the timeout)', { delayMs: 3000 }, 'TIMEOUT'],
];

it.each(FAULTS)('answers the last-known profile, marked, when Auth0 answers user reads with %s after a first successful me', async (_name, fault, reason) => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  const first = await timedMe(token);
  expect(first.result.body.data?.me).toMatchObject({ email: 'ada@example.com', lastKnown: null });
  const readAt = Date.now();
  await injectFault(stack.tenant.url, { route: ROUTES.getUser, ...fault });
  const { result, elapsedMs } = await timedMe(token);
  expect(result.status).toBe(200);
  expect(result.body.errors).toBeUndefined();
  const me = result.body.data?.me as { email: string; lastKnown: { asOf: string; ageSeconds: number; reason: string } };
  expect(me.email).toBe('ada@example.com');
  expect(me.lastKnown.reason).toBe(reason);
  expect(Math.abs(Date.parse(me.lastKnown.asOf) - readAt)).toBeLessThan(2000);
  expect(me.lastKnown.ageSeconds).toBeGreaterThanOrEqual(0);
  expect(me.lastKnown.ageSeconds).toBeLessThan(10);
  expect(elapsedMs).toBeLessThan(BUDGET_MS);
  expect(stack.logs).toContain('me answered the last-known profile');
  expect(stack.logs).toContain(`"reason":"${reason}"`);
});

it('keeps the typed error for a user whose profile was never read', async () => {
  const token = await userToken(stack.tenant.url, { email: 'alan@example.com' });
  await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 429, times: 2 });
  const { result } = await timedMe(token);
  expect(errorCode(result)).toBe('RATE_LIMITED');
  expect(result.body.data?.me ?? null).toBeNull();
});

it('forgets a user Auth0 answers 404 for: a later 5xx answers NOT_FOUND, never the last-known profile', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  expect((await timedMe(token)).result.body.data?.me).toMatchObject({ lastKnown: null });
  await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 404, body: { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' } });
  expect(errorCode((await timedMe(token)).result)).toBe('NOT_FOUND');
  await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 503, times: 2 });
  const { result } = await timedMe(token);
  expect(errorCode(result)).toBe('NOT_FOUND');
  expect(result.body.data?.me ?? null).toBeNull();
});

it('never answers updateProfile from a last-known profile', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  expect((await timedMe(token)).result.body.data?.me).toBeTruthy();
  await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 500, times: 2 });
  const result = await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Never' } } });
  expect(errorCode(result)).toBe('UPSTREAM_UNAVAILABLE');
  expect(result.body.data?.updateProfile ?? null).toBeNull();
});

it('answers the last-known profile when the tenant refuses connections, and not once it is older than its bound', async () => {
  const own = await startStack({ PROFILE_CACHE_TTL_SECONDS: '0', LAST_KNOWN_PROFILE_TTL_SECONDS: '2' });
  try {
    const token = await userToken(own.tenant.url, { email: 'ada@example.com' });
    expect((await gql(own.api.url, ME, { token })).body.data?.me).toMatchObject({ lastKnown: null });
    await own.tenant.close();
    const refused = await gql(own.api.url, ME, { token });
    expect(refused.body.data?.me).toMatchObject({ email: 'ada@example.com', lastKnown: { reason: 'UNREACHABLE' } });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(errorCode(await gql(own.api.url, ME, { token }))).toBe('UPSTREAM_UNAVAILABLE');
  } finally {
    await own.api.close();
  }
});
