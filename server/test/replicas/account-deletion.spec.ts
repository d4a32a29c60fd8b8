// Two API instances sharing one Redis: a deletion through replica A leaves no replica answering
// a profile for the deleted user (cached, last-known or replayed), even while the tenant answers
// 503; the password reset limit holds across the fleet.
import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { injectFault, resetTenant, ROUTES, userToken } from 'local-auth0/testing';
import { loadConfig, startServer, type RunningServer } from '../../src';
import { addFreshUser } from '../support/fresh-user';
import { errorCode, gql, ME } from '../support/graphql';
import { appOperation } from '../support/operations';
import { startRedis, type TestRedis } from '../support/redis-server';

const DELETE_ACCOUNT = appOperation('DeleteMyAccount');
const SEND_RESET = appOperation('SendPasswordResetEmail');

let tenant: LocalAuth0;
let redis: TestRedis;
let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
  [tenant, redis] = await Promise.all([startLocalAuth0({ port: 0, stateFile: null }), startRedis()]);
  const env = { NODE_ENV: 'test', PORT: '0', AUTH0_DOMAIN: tenant.url, AUTH0_TIMEOUT_MS: '1000', REDIS_URL: redis.url };
  [a, b] = await Promise.all([startServer(loadConfig(env)), startServer(loadConfig(env))]);
}, 30_000);
beforeEach(() => resetTenant(tenant.url));
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await tenant.close();
  await redis.close();
});

async function freshUser(): Promise<{ id: string; email: string; token: string }> {
  const user = await addFreshUser(tenant.url);
  return { ...user, token: await userToken(tenant.url, { sub: user.id }) };
}

it('answers NOT_FOUND on both replicas after a deletion through A, never a cached, replayed or last-known profile', async () => {
  const user = await freshUser();
  // Both replicas have answered (cache, response cache, last-known copies in Redis and in each process).
  for (const api of [a, b, a, b]) expect((await gql(api.url, ME, { token: user.token })).body.data?.me).toMatchObject({ email: user.email });
  expect((await gql(a.url, DELETE_ACCOUNT, { token: user.token, variables: { confirm: user.email } })).body.data).toEqual({ deleteMyAccount: true });
  for (const api of [b, a]) expect(errorCode(await gql(api.url, ME, { token: user.token }))).toBe('NOT_FOUND');
  await injectFault(tenant.url, { route: ROUTES.getUser, status: 503, times: 20 });
  for (const api of [b, a, b]) {
    const answer = await gql(api.url, ME, { token: user.token });
    expect(errorCode(answer)).toBe('NOT_FOUND');
    expect(answer.body.data).toBeNull();
  }
});

it('refuses a second reset mail on B a moment after one went out through A', async () => {
  const user = await freshUser();
  expect((await gql(a.url, SEND_RESET, { token: user.token })).body.data).toEqual({ sendPasswordResetEmail: true });
  const second = await gql(b.url, SEND_RESET, { token: user.token });
  expect(errorCode(second)).toBe('RATE_LIMITED');
  expect(second.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(50);
});
