import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { injectFault, ROUTES, userToken } from 'local-auth0/testing';
import { loadConfig, startServer, type RunningServer } from '../../src';
import { errorCode, gql, ME, UPDATE } from '../support/graphql';
import { collideWithVictim } from '../support/key-collision';
import { startRedis, type TestRedis } from '../support/redis-server';

// Two replicas sharing one Redis, each with its per-user response cache for `me`: an answer is
// replayed only after the token and read:profile are checked and only while the shared profile
// cache holds the version it was built from.

const ORIGIN = 'http://localhost:4200';
let tenant: LocalAuth0;
let redis: TestRedis;
let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
  [tenant, redis] = await Promise.all([startLocalAuth0({ port: 0, stateFile: null }), startRedis()]);
  const env = { NODE_ENV: 'test', PORT: '0', AUTH0_DOMAIN: tenant.url, AUTH0_TIMEOUT_MS: '1000', REDIS_URL: redis.url, CORS_ORIGINS: ORIGIN };
  [a, b] = await Promise.all([startServer(loadConfig(env)), startServer(loadConfig(env))]);
}, 30_000);
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await tenant.close();
  await redis.close();
});

async function meOn(server: RunningServer, token: string) {
  const result = await gql(server.url, ME, { token });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.me as Record<string, unknown>;
}

it('answers on replica B an update made through replica A, though B had answered the same me twice before', async () => {
  const token = await userToken(tenant.url, { email: 'ada@example.com' });
  await meOn(b, token);
  const before = await meOn(b, token);
  const saved = await gql(a.url, UPDATE, { token, variables: { input: { firstName: 'Replayed' } } });
  expect(saved.body.errors).toBeUndefined();
  const after = await meOn(b, token);
  expect(after).toMatchObject({ firstName: 'Replayed' });
  expect(after.updatedAt).not.toBe(before.updatedAt);
});

it('runs every HTTP-layer protection on a replayed answer: request id, security headers, CORS, same body', async () => {
  const token = await userToken(tenant.url, { email: 'alan@example.com' });
  const first = await gql(b.url, ME, { token, headers: { origin: ORIGIN, 'x-request-id': 'first-me' } });
  const second = await gql(b.url, ME, { token, headers: { origin: ORIGIN, 'x-request-id': 'second-me' } });
  expect(second.body).toEqual(first.body);
  expect(second.headers.get('x-request-id')).toBe('second-me');
  expect(second.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
  expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
});

it('refuses a token without read:profile for a user whose me answer is cached', async () => {
  const full = await userToken(tenant.url, { email: 'grace@example.com' });
  await meOn(b, full);
  await meOn(b, full);
  const updateOnly = await userToken(tenant.url, { email: 'grace@example.com', scope: 'update:profile' });
  const refused = await gql(b.url, ME, { token: updateOnly });
  expect(refused.status).toBe(403);
  expect(errorCode(refused)).toBe('FORBIDDEN');
  expect(refused.body.data?.me ?? null).toBeNull();
});

it('refuses an expired token whose me answer was cached while it was valid', async () => {
  const shortLived = await userToken(tenant.url, { email: 'ada@example.com', expiresIn: 2 });
  await meOn(b, shortLived);
  await meOn(b, shortLived);
  // Past `exp` and the verifier's 5 s clock tolerance.
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  const refused = await gql(b.url, ME, { token: shortLived });
  expect(refused.status).toBe(401);
  expect(errorCode(refused)).toBe('UNAUTHENTICATED');
  expect(refused.body.data?.me ?? null).toBeNull();
}, 20_000);

it('never keeps a last-known answer: the mark goes away with the fault, and a cached answer never hides the fault', async () => {
  const token = await userToken(tenant.url, { email: 'alan@example.com' });
  await meOn(b, token);
  await meOn(b, token);
  // A failed PATCH drops the shared cached profile, so the next me must read Auth0 again.
  await injectFault(tenant.url, { route: ROUTES.patchUser, status: 500, times: 2 });
  const failed = await gql(a.url, UPDATE, { token, variables: { input: { firstName: 'Never' } } });
  expect(failed.body.errors).toBeDefined();
  // One me's read and its retry fail: B answers the last-known profile, of the same version.
  await injectFault(tenant.url, { route: ROUTES.getUser, status: 503, times: 2 });
  expect(await meOn(b, token)).toMatchObject({ lastKnown: { reason: 'UPSTREAM_ERROR' } });
  // A reads Auth0 again and stores that same version: a kept last-known answer on B would match it.
  expect(await meOn(a, token)).toMatchObject({ lastKnown: null });
  expect(await meOn(b, token)).toMatchObject({ lastKnown: null });
  expect(await meOn(b, token)).toMatchObject({ lastKnown: null });
});

it("never answers on B a user whose id, Accept, operation name and query spell another user's key with newlines, with that user's profile cached through A", async () => {
  const { victimEmail, attack } = await collideWithVictim(tenant.url, b.url, a.url);
  expect(attack.text).not.toContain(victimEmail);
  expect(attack.status).not.toBe(200);
});
