import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { UpdateLimit } from '../profile/profile-stores';
import { UpdateRateLimitedError } from '../profile/update-rate-limit';
import type { SharedRedis } from './shared-redis';

export interface SharedUpdateLimitOptions {
  redis: SharedRedis;
  /** Updates one user may make per window, across every replica. */
  limit: number;
  windowSeconds: number;
  keyPrefix: string;
  /** What is limited (a part of the Redis key); default "updates". */
  name?: string;
}

/**
 * One per-user update limit for the whole fleet (fixed window in Redis). While Redis is down or
 * slow (bounded by the shared command timeout), the in-memory insurance limiter counts instead:
 * the limit then holds per replica.
 */
export class SharedUpdateLimit implements UpdateLimit {
  private readonly shared: RateLimiterRedis;
  private readonly insurance: RateLimiterMemory;

  constructor(private readonly options: SharedUpdateLimitOptions) {
    const settings = { points: options.limit, duration: options.windowSeconds, keyPrefix: `${options.keyPrefix}${options.name ?? 'updates'}` };
    this.insurance = new RateLimiterMemory(settings);
    this.shared = new RateLimiterRedis({
      ...settings,
      storeClient: options.redis.client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: this.insurance,
    });
  }

  async enforce(userId: string): Promise<void> {
    const decision = await this.options.redis.attempt(() => decide(this.shared, userId), () => decide(this.insurance, userId));
    if (decision instanceof RateLimiterRes) {
      throw new UpdateRateLimitedError(Math.max(1, Math.ceil(decision.msBeforeNext / 1000)));
    }
  }

  async forget(userId: string): Promise<void> {
    await this.insurance.delete(userId);
    await this.options.redis.attempt(() => this.shared.delete(userId), () => false);
  }
}

/** Consumes one point: null when allowed, the refusal otherwise; a failure of the store still throws. */
async function decide(limiter: RateLimiterRedis | RateLimiterMemory, userId: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(userId);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}
