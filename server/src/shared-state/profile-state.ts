import type { Logger } from 'pino';
import { userVersion, type StoredUser } from '../auth0/users';
import type { Config } from '../config';
import { InProcessDeletedAccounts } from '../profile/deleted-accounts';
import { InProcessLastKnownStore } from '../profile/last-known-store';
import { ProfileCache } from '../profile/profile-cache';
import type { ProfileEvents, UpdateLimit } from '../profile/profile-stores';
import type { ProfileServiceOptions } from '../profile/profile.service';
import { UpdateRateLimiter } from '../profile/update-rate-limit';
import type { SharedRedis } from './shared-redis';

/** Users (profiles, rate-limit windows, last-known profiles) kept in one process's memory at most. */
export const CACHE_MAX_ENTRIES = 10_000;
/** How long an expired profile stays in Redis for replicas that wait for another one's refresh. */
const STALE_GRACE_MS = 10_000;
const PASSWORD_RESETS = { limit: 1, windowSeconds: 60 };

export interface ProfileState {
  serviceOptions: ProfileServiceOptions;
  /** One password reset mail per user a minute, across replicas (Auth0 allows 1 a minute per address). */
  passwordResetLimit: UpdateLimit;
  redisStatus(): 'ok' | 'down' | 'disabled';
  close(): Promise<void>;
}

/** A deletion is remembered as long as any copy of the profile could outlive it. */
function deletedTtlMs(config: Config): number {
  return Math.max(config.profileState.lastKnownTtlSeconds * 1000, config.profileState.cacheTtlSeconds * 1000 + STALE_GRACE_MS);
}

export type InProcessState = ReturnType<typeof inProcessState>;

function inProcessState(config: Config) {
  const lastKnownTtlMs = config.profileState.lastKnownTtlSeconds * 1000;
  return {
    deleted: new InProcessDeletedAccounts({ ttlMs: deletedTtlMs(config), maxEntries: CACHE_MAX_ENTRIES }),
    cache: new ProfileCache<StoredUser>({
      ttlMs: config.profileState.cacheTtlSeconds * 1000,
      maxEntries: CACHE_MAX_ENTRIES,
      version: userVersion,
    }),
    limiter: new UpdateRateLimiter({ limit: config.profileState.updatesPerMinute, windowMs: 60_000, maxUsers: CACHE_MAX_ENTRIES }),
    lastKnown: lastKnownTtlMs > 0 ? new InProcessLastKnownStore<StoredUser>({ ttlMs: lastKnownTtlMs, maxEntries: CACHE_MAX_ENTRIES }) : undefined,
  };
}

function logDroppedValues(log: Logger): ProfileServiceOptions['logDropped'] {
  return (userId, dropped) => log.warn({ userId, ...dropped }, 'a stored profile value breaks the rules; it is not shown');
}

function logLastKnownAnswers(log: Logger): ProfileServiceOptions['onLastKnownAnswer'] {
  return (userId, mark, error) =>
    log.warn({ userId, asOf: mark.asOf, ageSeconds: mark.ageSeconds, reason: mark.reason, err: error }, 'me answered the last-known profile');
}

/**
 * The per-user state of the profile rules: in this process without REDIS_URL (one replica),
 * in Redis with it (any number of replicas), each Redis-backed piece falling back to its
 * in-process twin while Redis is down.
 */
export interface ProfileStateObservers {
  /** Told about cache reads, last-known answers and update refusals (metrics). */
  events?: ProfileEvents;
  /** Given the Redis connection before it connects (metrics follow its state). */
  watchRedis?: (redis: SharedRedis) => void;
}

export async function createProfileState(config: Config, log: Logger, observers: ProfileStateObservers = {}): Promise<ProfileState> {
  const local = inProcessState(config);
  const logs = { onLastKnownAnswer: logLastKnownAnswers(log), logDropped: logDroppedValues(log), events: observers.events };
  if (!config.redis) {
    const passwordResetLimit = new UpdateRateLimiter({ limit: PASSWORD_RESETS.limit, windowMs: PASSWORD_RESETS.windowSeconds * 1000, maxUsers: CACHE_MAX_ENTRIES });
    return { serviceOptions: { ...local, ...logs }, passwordResetLimit, redisStatus: () => 'disabled', close: () => Promise.resolve() };
  }
  // Loaded only with REDIS_URL: node-redis and the Redis limiter stay out of a single replica's memory.
  const { createRedisProfileState } = await import('./redis-profile-state');
  return createRedisProfileState({ config, redis: config.redis, log, local, logs, observers, deletedTtlMs: deletedTtlMs(config), staleGraceMs: STALE_GRACE_MS, passwordResets: PASSWORD_RESETS });
}
