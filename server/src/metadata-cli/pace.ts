import { setTimeout as sleep } from 'node:timers/promises';
import { Auth0RateLimitedError, Auth0UnavailableError, toAuth0Error } from '../auth0/errors';

/** A Management API answer with the headers Auth0 sets on it. */
export interface Answer<T> {
  data: T;
  headers: Headers;
}

export interface PacerOptions {
  /** Attempts for one call answered 429 or 5xx or not at all, before giving up. */
  maxAttempts?: number;
  /** First pause after a 5xx or network failure; doubles each time. */
  backoffMs?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * Sends Management API calls one at a time within Auth0's rate limit: it reads
 * `x-ratelimit-remaining` / `x-ratelimit-reset` from every answer and, once no request is left,
 * waits until the reset before the next call; a 429 waits as `retry-after` (else the reset) says
 * and is sent again. So a run spends the whole allowance without being refused.
 */
export class Pacer {
  private remaining: number | undefined;
  private resetAtMs = 0;
  /** Calls sent, retries included. */
  requests = 0;
  rateLimited = 0;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<unknown>;

  constructor(options: PacerOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 6;
    this.backoffMs = options.backoffMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? sleep;
  }

  async send<T>(call: () => Promise<Answer<T>>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      await this.waitForAllowance();
      this.requests += 1;
      try {
        const answer = await call();
        this.observe(answer.headers);
        return answer.data;
      } catch (raw) {
        const error = toAuth0Error(raw);
        const delay = this.retryDelay(error, attempt);
        if (delay === null) throw error;
        await this.wait(delay);
      }
    }
  }

  private async waitForAllowance(): Promise<void> {
    if (this.remaining === undefined || this.remaining > 0) return;
    const ms = this.resetAtMs - this.now();
    if (ms > 0) await this.wait(ms);
    this.remaining = undefined;
  }

  private observe(headers: Headers): void {
    const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
    const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
    this.remaining = Number.isFinite(remaining) ? remaining : undefined;
    if (Number.isFinite(reset)) this.resetAtMs = reset * 1000;
  }

  private retryDelay(error: unknown, attempt: number): number | null {
    if (attempt >= this.maxAttempts) return null;
    if (error instanceof Auth0RateLimitedError) {
      this.rateLimited += 1;
      this.remaining = undefined;
      return error.retryAfterSeconds * 1000;
    }
    if (error instanceof Auth0UnavailableError && error.reason !== 'malformed') return this.backoffMs * 2 ** (attempt - 1);
    return null;
  }
}
