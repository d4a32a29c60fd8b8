import { asResend } from './management-span';
import { Auth0RateLimitedError, Auth0UnavailableError, toAuth0Error } from './errors';

export interface RetryPolicy {
  /** Retry a 5xx answer (only for idempotent reads). */
  retryServerErrors: boolean;
  /** Retry a 429 only when Auth0 asks to wait at most this long. */
  maxRateLimitWaitMs: number;
  /** Pause before retrying a 5xx. */
  backoffMs: number;
}

/** Reads are idempotent: a 5xx is tried once more. */
export const READ_POLICY: RetryPolicy = { retryServerErrors: true, maxRateLimitWaitMs: 1000, backoffMs: 250 };
/** A write answered with 5xx may have been applied (a PATCH may have mailed a verification link, a DELETE deleted): no retry. */
export const WRITE_POLICY: RetryPolicy = { retryServerErrors: false, maxRateLimitWaitMs: 1000, backoffMs: 0 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryDelayMs(error: unknown, policy: RetryPolicy): number | null {
  if (error instanceof Auth0RateLimitedError) {
    const waitMs = error.retryAfterSeconds * 1000;
    return waitMs <= policy.maxRateLimitWaitMs ? waitMs : null;
  }
  if (policy.retryServerErrors && error instanceof Auth0UnavailableError && error.reason === 'status') {
    return policy.backoffMs;
  }
  return null;
}

/**
 * Runs one Management API call, retrying at most once when Auth0 answered 429 with a short wait
 * or (for reads) 5xx. Timeouts and refused connections are not retried: they already used the
 * budget. Every failure leaves as one of the typed errors of ./errors.
 */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  let first: unknown;
  try {
    return await call();
  } catch (error) {
    first = toAuth0Error(error);
  }
  const delay = retryDelayMs(first, policy);
  if (delay === null) throw first;
  await sleep(delay);
  try {
    return await asResend(1, call);
  } catch (error) {
    throw toAuth0Error(error);
  }
}
