import type { Response } from 'express';
import { TokenBucket } from '../http/rate-limit';

/** Auth0's limit on /dbconnections/change_password, on every plan: 1 a minute per IP and address, burst 10. */
const SPEC = { limit: 1, windowSeconds: 60, burst: 10 };
/** Pairs tracked at most; the least recently added is forgotten first. */
const MAX_PAIRS = 10_000;

/** One token bucket per (IP, address) pair. */
export class ChangePasswordLimit {
  private readonly buckets = new Map<string, TokenBucket>();

  /** Takes a token for the pair and sets the `x-ratelimit-*` headers; false when Auth0 would answer 429. */
  take(ip: string, email: string, res: Response): boolean {
    const key = JSON.stringify([ip, email.trim().toLowerCase()]);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(SPEC, true);
      this.buckets.set(key, bucket);
      if (this.buckets.size > MAX_PAIRS) this.buckets.delete(this.buckets.keys().next().value!);
    }
    return bucket.take(res);
  }

  clear(): void {
    this.buckets.clear();
  }
}
