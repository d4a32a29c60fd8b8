import type { RequestHandler, Response } from 'express';
import { tooManyRequestsBody } from './errors';

export interface RateLimitSpec {
  limit: number;
  windowSeconds: number;
  /** Bucket size (requests that may come at once); the limit when not given. */
  burst?: number;
}

/** Parses `2/s`, `120/m` or `1000/h`, optionally followed by `burst N`; the burst defaults to the limit. */
export function parseRateLimit(text: string): RateLimitSpec {
  const match = /^\s*(\d+)\s*\/\s*(s|sec|second|m|min|minute|h|hour)(?:\s+burst\s+(\d+))?\s*$/i.exec(text);
  const limit = Number(match?.[1]);
  const burst = match?.[3] === undefined ? undefined : Number(match[3]);
  if (!match || !(limit > 0) || burst === 0) {
    throw new Error(`Rate limit "${text}" is not understood: write requests per unit, e.g. "2/s", "120/m", "1000/h" or "2/s burst 10".`);
  }
  const unit = match[2]!.toLowerCase()[0];
  return { limit, windowSeconds: unit === 's' ? 1 : unit === 'm' ? 60 : 3600, ...(burst === undefined ? {} : { burst }) };
}

/** When no limit is configured the headers still come, from a large bucket that never refuses. */
const UNLIMITED: RateLimitSpec = { limit: 1000, windowSeconds: 1 };

export class TokenBucket {
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    private readonly spec: RateLimitSpec = UNLIMITED,
    private readonly enforced = spec !== UNLIMITED,
  ) {
    this.tokens = this.capacity;
  }

  private get capacity() {
    return this.spec.burst ?? this.spec.limit;
  }

  private get perMs() {
    return this.spec.limit / (this.spec.windowSeconds * 1000);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perMs);
    this.refilledAt = now;
  }

  reset(): void {
    this.tokens = this.capacity;
    this.refilledAt = Date.now();
  }

  /** Takes one token; sets Auth0's `x-ratelimit-*` headers; false when the caller must get a 429. */
  take(res: Response): boolean {
    const now = Date.now();
    this.refill(now);
    const allowed = this.tokens >= 1 || !this.enforced;
    if (allowed) this.tokens = Math.max(0, this.tokens - 1);
    const msToNextToken = this.tokens >= this.capacity ? 0 : Math.ceil((1 - (this.tokens % 1)) / this.perMs);
    const reset = Math.ceil((now + msToNextToken) / 1000);
    res.setHeader('x-ratelimit-limit', String(this.capacity));
    res.setHeader('x-ratelimit-remaining', String(Math.floor(this.tokens)));
    res.setHeader('x-ratelimit-reset', String(reset));
    if (!allowed) res.setHeader('retry-after', String(Math.max(1, Math.ceil(msToNextToken / 1000))));
    return allowed;
  }
}

export function rateLimited(bucket: TokenBucket): RequestHandler {
  return (_req, res, next) => {
    if (bucket.take(res)) return next();
    res.status(429).json(tooManyRequestsBody());
  };
}
