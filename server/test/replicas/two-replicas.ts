import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { loadConfig, startServer, type RunningServer } from '../../src';
import { startRedis, type TestRedis } from 'test-support';
import { testApiEnv } from '../support/api-env';

export interface TwoReplicas {
  readonly tenant: LocalAuth0;
  readonly redis: TestRedis;
  readonly a: RunningServer;
  readonly b: RunningServer;
}

/** The jest hooks of a file that runs two API instances in this process, sharing one Redis and one in-memory tenant. */
export function useTwoReplicas(env: Record<string, string> = {}): TwoReplicas {
  let started: TwoReplicas | undefined;
  beforeAll(async () => {
    const [tenant, redis] = await Promise.all([startLocalAuth0({ port: 0, stateFile: null }), startRedis()]);
    const config = loadConfig(testApiEnv({ AUTH0_DOMAIN: tenant.url, REDIS_URL: redis.url, ...env }));
    const [a, b] = await Promise.all([startServer(config), startServer(config)]);
    started = { tenant, redis, a, b };
  }, 30_000);
  afterAll(async () => {
    if (!started) return;
    await Promise.all([started.a.close(), started.b.close()]);
    await started.tenant.close();
    await started.redis.close();
  });
  const need = (): TwoReplicas => {
    if (!started) throw new Error('the replicas are only available inside a test');
    return started;
  };
  return {
    get tenant() {
      return need().tenant;
    },
    get redis() {
      return need().redis;
    },
    get a() {
      return need().a;
    },
    get b() {
      return need().b;
    },
  };
}
