import type { Logger } from 'pino';
import { userVersion, type StoredUser } from '../auth0/users';
import type { Config } from '../config';
import type { ProfileServiceOptions } from '../profile/profile.service';
import type { InProcessState, ProfileState, ProfileStateObservers } from './profile-state';
import { SharedDeletedAccounts } from './shared-deleted-accounts';
import { SharedLastKnownStore } from './shared-last-known-store';
import { SharedProfileCache } from './shared-profile-cache';
import { SharedRedis } from './shared-redis';
import { SharedUpdateLimit } from './shared-update-limit';

const KEY_PREFIX = 'profile-api:';
/** Longest wait for Redis at start before serving from process memory (it keeps connecting). */
const CONNECT_WAIT_MS = 2_000;

export interface RedisStateInputs {
  config: Config;
  redis: NonNullable<Config['redis']>;
  log: Logger;
  /** The in-process twins each Redis-backed piece falls back to while Redis is down. */
  local: InProcessState;
  logs: Pick<ProfileServiceOptions, 'onLastKnownAnswer' | 'logDropped' | 'events'>;
  observers: ProfileStateObservers;
  deletedTtlMs: number;
  /** How long an expired profile stays in Redis for replicas that wait for another one's refresh. */
  staleGraceMs: number;
  passwordResets: { limit: number; windowSeconds: number };
}

/** The profile state of a replica among several (REDIS_URL): profile-state.ts loads this module only then. */
export async function createRedisProfileState(inputs: RedisStateInputs): Promise<ProfileState> {
  const { config, local, logs } = inputs;
  const redis = new SharedRedis({ url: inputs.redis.url, commandTimeoutMs: inputs.redis.commandTimeoutMs, log: inputs.log });
  inputs.observers.watchRedis?.(redis);
  await redis.start(CONNECT_WAIT_MS);
  const lastKnownTtlMs = config.profileState.lastKnownTtlSeconds * 1000;
  const serviceOptions: ProfileServiceOptions = {
    cache: new SharedProfileCache<StoredUser>({
      redis,
      fallback: local.cache,
      ttlMs: config.profileState.cacheTtlSeconds * 1000,
      staleGraceMs: inputs.staleGraceMs,
      // One upstream read with its single retry (and a short rate-limit wait) fits in this.
      refreshLockMs: config.auth0.timeoutMs * 2 + 1500,
      version: userVersion,
      keyPrefix: KEY_PREFIX,
    }),
    limiter: new SharedUpdateLimit({ redis, limit: config.profileState.updatesPerMinute, windowSeconds: 60, keyPrefix: KEY_PREFIX }),
    lastKnown: local.lastKnown && new SharedLastKnownStore<StoredUser>({ redis, local: local.lastKnown, ttlMs: lastKnownTtlMs, keyPrefix: KEY_PREFIX }),
    deleted: new SharedDeletedAccounts({ redis, local: local.deleted, ttlMs: inputs.deletedTtlMs, keyPrefix: KEY_PREFIX }),
    ...logs,
  };
  const passwordResetLimit = new SharedUpdateLimit({ redis, ...inputs.passwordResets, keyPrefix: KEY_PREFIX, name: 'password-resets' });
  return { serviceOptions, passwordResetLimit, redisStatus: () => redis.status, close: () => redis.close() };
}
