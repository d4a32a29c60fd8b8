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
}

/**
 * One per-user update limit for the whole fleet (fixed window in Redis). While Redis is down or
 * slow, the in-memory insurance limiter counts instead: the limit then holds per replica.
 */
export class SharedUpdateLimit implements UpdateLimit {
  private readonly shared: RateLimiterRedis;
  private readonly insurance: RateLimiterMemory;

  constructor(private readonly options: SharedUpdateLimitOptions) {
    const settings = { points: options.limit, duration: options.windowSeconds };
    this.insurance = new RateLimiterMemory({ ...settings, keyPrefix: `${options.keyPrefix}updates` });
    this.shared = new RateLimiterRedis({
      ...settings,
      storeClient: options.redis.client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: `${options.keyPrefix}updates`,
      insuranceLimiter: this.insurance,
    });
  }

  async enforce(userId: string): Promise<void> {
    const limiter = this.options.redis.usable ? this.shared : this.insurance;
    try {
      await limiter.consume(userId);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new UpdateRateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      }
      throw rejection;
    }
  }
}
