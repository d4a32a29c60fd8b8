import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { resetTenant } from 'local-auth0/testing';
import { loadConfig, startServer, type RunningServer } from '../../src';
import { startRedis, type TestRedis } from 'test-support';
import { useRunning } from 'test-support/hooks';
import { testApiEnv } from '../support/api-env';

export interface TwoReplicas {
  readonly tenant: LocalAuth0;
  readonly redis: TestRedis;
  readonly a: RunningServer;
  readonly b: RunningServer;
  close(): Promise<void>;
}

async function startTwoReplicas(env: Record<string, string>): Promise<TwoReplicas> {
  const [tenant, redis] = await Promise.all([startLocalAuth0({ port: 0, stateFile: null }), startRedis()]);
  const config = loadConfig(testApiEnv({ AUTH0_DOMAIN: tenant.url, REDIS_URL: redis.url, ...env }));
  const [a, b] = await Promise.all([startServer(config), startServer(config)]);
  return {
    tenant,
    redis,
    a,
    b,
    async close() {
      redis.resume(); // a test that paused Redis (SIGSTOP) and failed must not leave the replicas' clients waiting
      await Promise.all([a.close(), b.close()]);
      await tenant.close();
      await redis.close();
    },
  };
}

/**
 * The jest hooks (useRunning) of a file that runs two API instances in this process, sharing one
 * Redis and one in-memory tenant; `reset: 'each'` puts the tenant back to its seed before each test.
 */
export function useTwoReplicas(env: Record<string, string> = {}, options: { reset?: 'each' | 'none' } = {}): TwoReplicas {
  return useRunning(() => startTwoReplicas(env), { reset: options.reset === 'each' ? (replicas) => resetTenant(replicas.tenant.url) : undefined });
}
