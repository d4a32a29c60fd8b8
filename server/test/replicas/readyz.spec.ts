import { startLocalAuth0 } from 'local-auth0';
import { injectFault, resetTenant, ROUTES, userToken } from 'local-auth0/testing';
import { loadConfig, startServer, type RunningServer } from '../../src';
import { gql, ME } from '../support/graphql';
import { startRedis } from 'test-support';
import { useRunning } from 'test-support/hooks';
import { startApiProcess } from './api-process';
import { testApiEnv } from '../support/api-env';

type Ready = { status: number; body: { status: string; dependencies: Record<string, string> } };

async function readyz(apiUrl: string): Promise<Ready> {
  const response = await fetch(`${apiUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as Ready['body'] };
}

/** Polls /readyz until it matches (the key set is probed at most once a second while down, every 5 s while up). */
async function eventually(apiUrl: string, expected: object, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: Ready | undefined;
  while (Date.now() < deadline) {
    last = await readyz(apiUrl);
    try {
      expect(last).toMatchObject(expected);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  expect(last).toMatchObject(expected);
}

// The tenant and Redis the file's APIs (one or more per test) share; the tenant is reset before each test.
const upstream = useRunning(
  async () => {
    const [tenant, redis] = await Promise.all([startLocalAuth0({ port: 0, stateFile: null }), startRedis()]);
    return {
      tenant,
      redis,
      async close() {
        await tenant.close();
        await redis.close();
      },
    };
  },
  { reset: ({ tenant }) => resetTenant(tenant.url) },
);

function startApi(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(loadConfig(testApiEnv({ AUTH0_DOMAIN: upstream.tenant.url, REDIS_URL: upstream.redis.url, ...env })));
}

it('answers 503 while the signing keys were never loaded, then 200 once they are', async () => {
  await injectFault(upstream.tenant.url, { route: ROUTES.jwks, status: 503, times: 1000 });
  const api = await startApi();
  try {
    expect(await readyz(api.url)).toMatchObject({ status: 503, body: { status: 'starting', dependencies: { jwks: 'down' } } });
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    await resetTenant(upstream.tenant.url);
    await eventually(api.url, { status: 200, body: { status: 'ok', dependencies: { redis: 'ok', jwks: 'ok', managementToken: 'ok' } } });
  } finally {
    await api.close();
  }
});

it('answers 200 degraded with the key set reported down while it is, and ok when it returns', async () => {
  const api = await startApi();
  try {
    await eventually(api.url, { status: 200, body: { status: 'ok' } });
    await injectFault(upstream.tenant.url, { route: ROUTES.jwks, status: 503, times: 1000 });
    await eventually(api.url, { status: 200, body: { status: 'degraded', dependencies: { jwks: 'down', redis: 'ok' } } });
    await resetTenant(upstream.tenant.url);
    await eventually(api.url, { status: 200, body: { status: 'ok', dependencies: { jwks: 'ok' } } });
  } finally {
    await api.close();
  }
}, 30_000);

it('answers 200 degraded with Redis reported down while it is, and ok when it returns', async () => {
  const api = await startApi();
  const token = await userToken(upstream.tenant.url, { email: 'ada@example.com' });
  try {
    await eventually(api.url, { status: 200, body: { status: 'ok', dependencies: { redis: 'ok' } } });
    await upstream.redis.kill();
    expect((await gql(api.url, ME, { token })).body.data?.me).toBeTruthy();
    await eventually(api.url, { status: 200, body: { status: 'degraded', dependencies: { redis: 'down' } } });
    await upstream.redis.restart();
    await eventually(api.url, { status: 200, body: { status: 'ok', dependencies: { redis: 'ok' } } });
  } finally {
    await api.close();
  }
}, 30_000);

it('answers 200 degraded with the Management API token reported down while it cannot be had, and ok once it can', async () => {
  const api = await startApi({ REDIS_URL: '' });
  const token = await userToken(upstream.tenant.url, { email: 'ada@example.com' });
  try {
    await injectFault(upstream.tenant.url, { route: ROUTES.token, status: 500, times: 10 });
    expect((await gql(api.url, ME, { token })).body.errors).toBeDefined();
    await eventually(api.url, { status: 200, body: { status: 'degraded', dependencies: { managementToken: 'down', redis: 'disabled' } } });
    await resetTenant(upstream.tenant.url);
    expect((await gql(api.url, ME, { token })).body.data?.me).toBeTruthy();
    await eventually(api.url, { status: 200, body: { status: 'ok', dependencies: { managementToken: 'ok' } } });
  } finally {
    await api.close();
  }
});

it('answers 503 draining after SIGTERM while it still finishes requests, then exits 0', async () => {
  const api = await startApiProcess({ AUTH0_DOMAIN: upstream.tenant.url, DRAIN_DELAY_MS: '2000' });
  await eventually(api.url, { status: 200 });
  const token = await userToken(upstream.tenant.url, { email: 'ada@example.com' });
  const exited = api.stop();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await readyz(api.url)).toMatchObject({ status: 503, body: { status: 'draining' } });
  expect((await gql(api.url, ME, { token })).body.data?.me).toBeTruthy();
  expect(await exited).toBe(0);
}, 30_000);
