import { injectFault, readCounts, resetTenant, ROUTES, userToken } from 'local-auth0/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { gql, ME } from '../support/graphql';
import { useTwoReplicas } from './two-replicas';

// Redis stalled (SIGSTOP of the real redis-server) and Auth0 failing at the same time, on a
// two-replica fleet: a replica that only ever read a user through Redis (the shared profile
// cache) must still answer her last-known profile from its own memory.

const CACHE_TTL_MS = 1000;
const replicas = useTwoReplicas({ PROFILE_CACHE_TTL_SECONDS: String(CACHE_TTL_MS / 1000) });

it('answers, on either replica, the last-known profile of every user either has served', async () => {
  const users = ['ada@example.com', 'alan@example.com'];
  const tokens = await Promise.all(users.map((email) => userToken(replicas.tenant.url, { email })));
  // ada is read from Auth0 by A and served to B from Redis; alan the other way round.
  for (const [first, second, token] of [[replicas.a, replicas.b, tokens[0]!], [replicas.b, replicas.a, tokens[1]!]] as const) {
    const reads = (await readCounts(replicas.tenant.url))[ROUTES.getUser] ?? 0;
    expect((await gql(first.url, ME, { token })).body.data?.me).toMatchObject({ lastKnown: null });
    expect((await gql(second.url, ME, { token })).body.data?.me).toMatchObject({ lastKnown: null });
    expect((await readCounts(replicas.tenant.url))[ROUTES.getUser] ?? 0).toBe(reads + 1);
  }
  await sleep(CACHE_TTL_MS + 200);

  replicas.redis.pause();
  await injectFault(replicas.tenant.url, { route: ROUTES.getUser, status: 503, times: 1000 });
  try {
    const answers: unknown[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const [i, token] of tokens.entries()) {
        for (const replica of [replicas.a, replicas.b]) {
          const { body } = await gql(replica.url, ME, { token });
          answers.push({ email: (body.data?.me as { email?: string } | undefined)?.email ?? body.errors?.[0]?.extensions?.code, lastKnown: Boolean((body.data?.me as { lastKnown?: unknown } | undefined)?.lastKnown) });
          expect(answers.at(-1)).toEqual({ email: users[i], lastKnown: true });
        }
      }
    }
  } finally {
    replicas.redis.resume();
    await resetTenant(replicas.tenant.url);
  }
}, 120_000);
