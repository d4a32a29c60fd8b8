import { injectFault, readCounts, ROUTES, userToken } from 'local-auth0/testing';
import { startFleet, type Fleet } from '../replicas/fleet';
import type { ApiProcess } from '../replicas/api-process';
import { errorCode, gql, ME, UPDATE } from '../support/graphql';
import { startPrometheus, type Sample, type TestPrometheus } from '../support/prometheus-server';

// A Redis fleet of two replicas, each with its metrics endpoint, scraped every second by a real
// Prometheus; the assertions ask Prometheus, never the replicas.

const PROFILE_TTL_S = 2;
let fleet: Fleet;
let prometheus: TestPrometheus;

/** host:port of the replica's metrics endpoint, from its start-up log line (which may be flushed after /healthz answers). */
async function metricsTarget(api: ApiProcess): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const line = api.output().split('\n').find((text) => text.includes('profile API listening'));
    const url = line ? (JSON.parse(line) as { metricsUrl?: string }).metricsUrl : undefined;
    if (url) return new URL(url).host;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no metricsUrl in the start-up line:\n${api.output()}`);
}

beforeAll(async () => {
  fleet = await startFleet({ replicas: 2, users: 3, env: { METRICS_PORT: '0', PROFILE_CACHE_TTL_SECONDS: String(PROFILE_TTL_S) } });
  prometheus = await startPrometheus(await Promise.all(fleet.apis.map(metricsTarget)));
  await prometheus.waitFor('up{job="profile-api"} == 1', (samples) => samples.length === 2);
}, 90_000);

afterAll(async () => {
  await prometheus?.close();
  await fleet?.close();
});

const total = (samples: Sample[]) => samples.reduce((sum, sample) => sum + sample.value, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('shows in Prometheus the tenant\'s own upstream counts, cache hits, a last-known answer after a fault, a step-up challenge and the Redis fallback of both replicas', async () => {
  const [a, b] = fleet.apis as [ApiProcess, ApiProcess];
  let meCalls = 0;
  const me = async (api: ApiProcess, token: string) => {
    meCalls += 1;
    const result = await gql(api.url, ME, { token });
    expect(result.body.errors).toBeUndefined();
    return result.body.data?.me as { lastKnown: { reason: string } | null };
  };

  // Warm: each user read on A (a miss, then a replayed answer), then on B (the profile Redis holds).
  for (const token of fleet.tokens) {
    await me(a, token);
    await me(a, token);
    await me(b, token);
  }
  expect((await gql(b.url, UPDATE, { token: fleet.tokens[2]!, variables: { input: { firstName: 'Scraped' } } })).body.errors).toBeUndefined();

  // A sensitive operation with a sign-in an hour old: the step-up challenge.
  const staleSignIn = await userToken(fleet.tenant.url, { sub: fleet.userIds[0]!, authTime: Math.floor(Date.now() / 1000) - 3600 });
  const requestEmailChange = 'mutation RequestEmailChange($email: String!) { requestEmailChange(email: $email) { email } }';
  const stepUp = await gql(a.url, requestEmailChange, { token: staleSignIn, variables: { email: 'new@example.com' } });
  expect(errorCode(stepUp)).toBe('INSUFFICIENT_USER_AUTHENTICATION');

  // A fault once the cached profile has expired: the last-known profile answers.
  await sleep(PROFILE_TTL_S * 1000 + 500);
  await injectFault(fleet.tenant.url, { route: ROUTES.getUser, status: 503, times: 2 });
  expect((await me(a, fleet.tokens[0]!)).lastKnown).toMatchObject({ reason: 'UPSTREAM_ERROR' });

  // Redis stalls: both replicas keep answering from process memory, and say so.
  fleet.redis.pause();
  try {
    await me(a, fleet.tokens[1]!);
    await me(b, fleet.tokens[1]!);
    const fallback = await prometheus.waitFor('profile_api_redis_fallback', (samples) => samples.length === 2 && samples.every((s) => s.value === 1));
    expect(new Set(fallback.map((sample) => sample.labels.instance)).size).toBe(2);
  } finally {
    fleet.redis.resume();
  }
  await prometheus.waitFor('profile_api_redis_fallback', (samples) => samples.length === 2 && samples.every((s) => s.value === 0));
  expect(total(await prometheus.query('profile_api_redis_fallbacks_total'))).toBeGreaterThanOrEqual(2);

  // The same upstream calls as the tenant counted, route by route.
  const tenantCounts = await readCounts(fleet.tenant.url);
  for (const route of [ROUTES.getUser, ROUTES.patchUser, ROUTES.token]) {
    const expected = tenantCounts[route] ?? 0;
    await prometheus.waitFor(`sum(profile_api_auth0_requests_total{route="${route}"})`, (samples) => total(samples) === expected);
  }
  expect(tenantCounts[ROUTES.getUser]).toBeGreaterThanOrEqual(5);
  await prometheus.waitFor(`sum(profile_api_auth0_requests_total{route="${ROUTES.getUser}",status="503"})`, (samples) => total(samples) === 2);

  await prometheus.waitFor('sum(profile_api_graphql_operations_total{operation="Me",code="OK"})', (samples) => total(samples) === meCalls);
  await prometheus.waitFor('sum(profile_api_graphql_operations_total{operation="UpdateProfile",code="OK"})', (samples) => total(samples) === 1);
  expect(total(await prometheus.query('sum(profile_api_response_cache_requests_total{result="hit"})'))).toBeGreaterThanOrEqual(fleet.tokens.length);
  expect(total(await prometheus.query('sum(profile_api_profile_cache_requests_total{result="hit"})'))).toBeGreaterThanOrEqual(1);
  expect(total(await prometheus.query('sum(profile_api_last_known_answers_total{reason="UPSTREAM_ERROR"})'))).toBe(1);
  expect(total(await prometheus.query('sum(profile_api_step_up_challenges_total)'))).toBe(1);
  expect(total(await prometheus.query('sum(profile_api_graphql_operations_total{operation="RequestEmailChange",code="INSUFFICIENT_USER_AUTHENTICATION"})'))).toBe(1);
  expect(total(await prometheus.query('sum(http_server_request_duration_seconds_count{route="/graphql",status_code="200"})'))).toBe(meCalls + 1);
  const remaining = await prometheus.query(`profile_api_auth0_ratelimit_remaining{route="${ROUTES.getUser}"}`);
  expect(remaining.length).toBeGreaterThan(0);
}, 120_000);
