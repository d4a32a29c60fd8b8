import { injectFault, ROUTES, userToken } from 'local-auth0/testing';
import { useTwoReplicas } from './two-replicas';
import { errorCode, gql, ME } from '../support/graphql';

// Two API instances sharing one Redis, no profile cache: every `me` reaches the tenant.

const t = useTwoReplicas({ PROFILE_CACHE_TTL_SECONDS: '0' });

it('answers on replica B the last-known profile that replica A read, when Auth0 fails', async () => {
  const token = await userToken(t.tenant.url, { email: 'ada@example.com' });
  expect((await gql(t.a.url, ME, { token })).body.data?.me).toMatchObject({ lastKnown: null });
  await injectFault(t.tenant.url, { route: ROUTES.getUser, status: 503, times: 2 });
  const answer = await gql(t.b.url, ME, { token });
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data?.me).toMatchObject({ email: 'ada@example.com', lastKnown: { reason: 'UPSTREAM_ERROR' } });
});

it('falls back to the replica\'s own last-known copy while Redis is down too', async () => {
  const token = await userToken(t.tenant.url, { email: 'alan@example.com' });
  expect((await gql(t.a.url, ME, { token })).body.data?.me).toMatchObject({ lastKnown: null });
  await t.redis.kill();
  try {
    await injectFault(t.tenant.url, { route: ROUTES.getUser, status: 429, times: 4 });
    expect((await gql(t.a.url, ME, { token })).body.data?.me).toMatchObject({ email: 'alan@example.com', lastKnown: { reason: 'RATE_LIMITED' } });
    // B never read alan and cannot reach Redis: the typed error, not a 5xx.
    const fromB = await gql(t.b.url, ME, { token });
    expect(errorCode(fromB)).toBe('RATE_LIMITED');
    expect(fromB.status).toBeLessThan(500);
  } finally {
    await t.redis.restart();
  }
});

/** Until the replica's Redis connection is back (the test before restarts Redis). */
async function redisBack(url: string): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { dependencies: { redis: string } };
    if (ready.dependencies.redis === 'ok') return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`${url} did not reconnect to Redis`);
}

it('forgets on every replica a user Auth0 answered 404 for on one: a later 5xx on the other answers NOT_FOUND', async () => {
  await Promise.all([redisBack(t.a.url), redisBack(t.b.url)]);
  const token = await userToken(t.tenant.url, { email: 'grace@example.com' });
  expect((await gql(t.a.url, ME, { token })).body.data?.me).toMatchObject({ lastKnown: null });
  expect((await gql(t.b.url, ME, { token })).body.data?.me).toMatchObject({ lastKnown: null });
  await injectFault(t.tenant.url, { route: ROUTES.getUser, status: 404 });
  expect(errorCode(await gql(t.a.url, ME, { token }))).toBe('NOT_FOUND');
  await injectFault(t.tenant.url, { route: ROUTES.getUser, status: 503, times: 4 });
  for (const replica of [t.b, t.a]) {
    const answer = await gql(replica.url, ME, { token });
    expect(errorCode(answer)).toBe('NOT_FOUND');
    expect(answer.body.data?.me ?? null).toBeNull();
  }
});
