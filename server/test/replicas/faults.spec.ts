import { errorCode, gql, ME, UPDATE } from '../support/graphql';
import { startSilentRedis } from 'test-support';
import { startApiProcess } from './api-process';
import { useFleet } from './fleet';
import { startMeLoad } from './load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// AUTH0_TIMEOUT_MS is 1000 for the replicas; the contract is an answer within ~5 s.
const DEADLINE_MS = 5000;

const fleet = useFleet({ replicas: 3, users: 20, env: { UPDATE_RATE_LIMIT_PER_MINUTE: '1000' } });

async function readyz(apiUrl: string): Promise<{ status: number; body: { status: string; dependencies: Record<string, string> } }> {
  const response = await fetch(`${apiUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; dependencies: Record<string, string> } };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(100);
  }
  return Date.now() - started;
}

function warnings(output: string): number {
  return output.split('\n').filter((line) => line.includes('Redis unavailable')).length;
}

async function expectCoherent(token: string, value: string): Promise<void> {
  const [a, b, c] = fleet.apis;
  expect((await gql(a!.url, UPDATE, { token, variables: { input: { lastName: value } } })).body.errors).toBeUndefined();
  for (const api of [b!, c!]) expect((await gql(api.url, ME, { token })).body.data?.me).toMatchObject({ lastName: value });
}

it('keeps answering me with no 5xx while Redis is killed, warns once per replica, and uses Redis again within seconds of its return', async () => {
  const urls = fleet.apis.map((api) => api.url);
  const load = startMeLoad(() => urls, fleet.tokens);
  await sleep(1000);
  await fleet.redis.kill();
  await sleep(2000);
  // Down: every replica still answers, each from its own memory.
  for (const api of fleet.apis) expect((await readyz(api.url)).body.dependencies.redis).toBe('down');
  await fleet.redis.restart();
  const backWithinMs = await waitFor(async () => (await Promise.all(urls.map(readyz))).every((r) => r.body.dependencies.redis === 'ok'), 10_000);
  await sleep(500);
  const report = await load.stop();
  expect(report.failures).toEqual([]);
  expect(report.requests).toBeGreaterThan(50);
  expect(backWithinMs).toBeLessThan(5000);
  for (const api of fleet.apis) expect(warnings(api.output())).toBe(1);
  // Shared again: an update through one replica is what the others answer.
  await expectCoherent(fleet.tokens[0]!, 'after-restart');
}, 60_000);

it('answers within the deadline while Redis accepts connections but stops answering, and shares state again when it resumes', async () => {
  const token = fleet.tokens[1]!;
  fleet.redis.pause();
  try {
    for (const api of fleet.apis) {
      const started = Date.now();
      const result = await gql(api.url, ME, { token });
      expect(result.body.data?.me).toBeTruthy();
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
    }
    const saved = await gql(fleet.apis[0]!.url, UPDATE, { token, variables: { input: { firstName: 'Paused' } } });
    expect(saved.body.errors).toBeUndefined();
  } finally {
    fleet.redis.resume();
  }
  await waitFor(async () => (await Promise.all(fleet.apis.map((api) => readyz(api.url)))).every((r) => r.body.dependencies.redis === 'ok'), 10_000);
  await expectCoherent(token, 'after-pause');
}, 60_000);

it('answers within the deadline when Redis never answers from the start, reporting it down', async () => {
  const silent = await startSilentRedis();
  const api = await startApiProcess({ AUTH0_DOMAIN: fleet.tenant.url, REDIS_URL: silent.url });
  try {
    const token = fleet.tokens[2]!;
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      expect((await gql(api.url, ME, { token })).body.data?.me).toBeTruthy();
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
    }
    const saved = await gql(api.url, UPDATE, { token, variables: { input: { firstName: 'Silent' } } });
    expect(saved.body.errors).toBeUndefined();
    expect(await readyz(api.url)).toMatchObject({ status: 200, body: { status: 'degraded', dependencies: { redis: 'down' } } });
  } finally {
    await api.kill();
    await silent.close();
  }
}, 60_000);

it('keeps serving on the other replicas when one is killed', async () => {
  const [doomed, ...others] = fleet.apis;
  const load = startMeLoad(() => others.map((api) => api.url), fleet.tokens);
  await sleep(500);
  await doomed!.kill();
  await sleep(1500);
  const report = await load.stop();
  expect(report.failures).toEqual([]);
  expect(report.requests).toBeGreaterThan(20);
  expect(errorCode(await gql(others[0]!.url, ME, { token: fleet.tokens[3]! }))).toBeUndefined();
}, 30_000);
