import { LRUCache } from 'lru-cache';

export interface UpdateRateLimitOptions {
  /** Updates one user may make in any window. */
  limit: number;
  /** Window length in milliseconds (60 000 for "per minute"). */
  windowMs: number;
  /** Most users tracked at once; memory stays flat however many users there are. */
  maxUsers: number;
  /** Milliseconds clock; injectable so tests can let a window pass without waiting. */
  now?: () => number;
}

/** An update refused by the limiter; the GraphQL layer answers RATE_LIMITED. */
export class UpdateRateLimitedError extends Error {
  override readonly name = 'UpdateRateLimitedError';
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many profile updates; try again in ${retryAfterSeconds} s`,
  ) {
    super(message);
  }
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sliding-window limiter: a user may make `limit` updates in any `windowMs`. Memory is at most
 * `maxUsers` × `limit` timestamps (least recently active users are dropped first). Refused
 * attempts are not recorded, so hammering does not push the retry time further out.
 */
export class UpdateRateLimiter {
  private readonly hits: LRUCache<string, number[]>;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: UpdateRateLimitOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error('limit must be an integer >= 1');
    if (!Number.isFinite(options.windowMs) || options.windowMs <= 0) throw new Error('windowMs must be > 0');
    if (!Number.isInteger(options.maxUsers) || options.maxUsers < 1) throw new Error('maxUsers must be an integer >= 1');
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
    this.hits = new LRUCache({ max: options.maxUsers });
  }

  /** Records an update for the user if the limit allows it; otherwise says when to retry. */
  consume(userId: string): RateDecision {
    const now = this.now();
    const recent = (this.hits.get(userId) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(userId, recent);
      const oldest = recent[0] ?? now;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
      return { allowed: false, retryAfterSeconds };
    }
    recent.push(now);
    this.hits.set(userId, recent);
    return { allowed: true };
  }

  /** Like `consume`, but throws UpdateRateLimitedError when the update is refused. */
  enforce(userId: string): void {
    const decision = this.consume(userId);
    if (!decision.allowed) throw new UpdateRateLimitedError(decision.retryAfterSeconds);
  }

  forget(userId: string): void {
    this.hits.delete(userId);
  }

  get trackedUsers(): number {
    return this.hits.size;
  }
}
