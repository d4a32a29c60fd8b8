// A fleet for the replica suites: a redis-server, an in-memory tenant seeded with `users` users,
// and `replicas` API processes sharing both.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { userToken } from 'local-auth0/testing';
import { startRedis, type TestRedis, writeBenchSeed } from 'test-support';
import { useRunning } from 'test-support/hooks';
import { withMailCatcher, type MailCatcher } from 'test-support/mail-catcher';
import { killAllApis, startReplicas, type ApiProcess } from './api-process';

export interface Fleet {
  redis: TestRedis;
  tenant: LocalAuth0;
  apis: ApiProcess[];
  userIds: string[];
  /** One access token per user, same order as userIds. */
  tokens: string[];
  close(): Promise<void>;
}

export interface FleetOptions {
  replicas: number;
  users: number;
  env?: Record<string, string>;
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const { seedFile, userIds } = writeBenchSeed(options.users);
  const redis = await startRedis();
  const tenant = await startLocalAuth0({ port: 0, stateFile: null, seedFile });
  const apis = await startReplicas(options.replicas, { AUTH0_DOMAIN: tenant.url, REDIS_URL: redis.url, ...options.env });
  const tokens = await Promise.all(userIds.map((sub) => userToken(tenant.url, { sub })));
  return {
    redis,
    tenant,
    apis,
    userIds,
    tokens,
    async close() {
      killAllApis();
      await tenant.close();
      await redis.close();
      rmSync(dirname(seedFile), { recursive: true, force: true });
    },
  };
}

/** A fleet whose replicas mail (SMTP_URL) to a real SMTP catcher. */
export interface MailingFleet extends Fleet {
  catcher: MailCatcher;
}

function startMailingFleet(options: FleetOptions): Promise<MailingFleet> {
  return withMailCatcher((catcher) => startFleet({ ...options, env: { SMTP_URL: catcher.url, ...options.env } }));
}

/** The spec file's fleet (useRunning): started before its tests, closed after them. */
export function useFleet(options: FleetOptions & { mail: true }): MailingFleet;
export function useFleet(options: FleetOptions): Fleet;
export function useFleet(options: FleetOptions & { mail?: true }): Fleet | MailingFleet {
  return useRunning<Fleet>(() => (options.mail ? startMailingFleet(options) : startFleet(options)));
}
