import { readCounts, resetCounts, ROUTES } from 'local-auth0/testing';
import { gql, ME } from '../support/graphql';
import { useFleet } from './fleet';

// Three replicas, 100 users under `me` load for 60 s with a 30 s TTL: the fleet reads each user
// from Auth0 once when the load starts and once when that copy expires, never once per replica.
const USERS = 100;
const TTL_S = 30;
const LOAD_MS = 60_000;
const WORKERS = 12;

const fleet = useFleet({ replicas: 3, users: USERS, env: { PROFILE_CACHE_TTL_SECONDS: String(TTL_S), LOG_LEVEL: 'warn' } });

it('reads each user from Auth0 at most once per TTL for the whole fleet (3 replicas, 100 users, 60 s)', async () => {
  await resetCounts(fleet.tenant.url);
  const startedAt = Date.now();
  let requests = 0;
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      // Stop issuing before the 60 s mark: a user first read at t >= 0 expires again at t >= 60 s.
      while (Date.now() - startedAt < LOAD_MS - 500) {
        const i = next++;
        const result = await gql(fleet.apis[i % fleet.apis.length]!.url, ME, { token: fleet.tokens[i % USERS]! });
        requests += 1;
        if (result.status !== 200 || result.body.errors) failures.push(`${result.status} ${JSON.stringify(result.body.errors)}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }),
  );
  const reads = (await readCounts(fleet.tenant.url))[ROUTES.getUser] ?? 0;
  expect(failures.slice(0, 3)).toEqual([]);
  // Every user was asked for after its first copy expired (the load went round all of them many times).
  expect(requests).toBeGreaterThan(USERS * 6);
  // Exactly one read per user per TTL window: at the start, and once after the 30 s expiry.
  expect(reads).toBe(USERS * (LOAD_MS / 1000 / TTL_S));
}, 120_000);
