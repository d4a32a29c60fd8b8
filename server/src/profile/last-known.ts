import { Auth0RateLimitedError, Auth0UnavailableError } from '../auth0/errors';

/** Why `me` answered the last-known profile instead of a fresh one. */
export enum LastKnownReason {
  RATE_LIMITED = 'RATE_LIMITED',
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  TIMEOUT = 'TIMEOUT',
  UNREACHABLE = 'UNREACHABLE',
}

/** Marks a profile answered from the last successful read. */
export interface LastKnownMark {
  asOf: Date;
  ageSeconds: number;
  reason: LastKnownReason;
}

/**
 * The upstream failures a last-known profile may stand in for: 429, 5xx, timeout, refused
 * connection. Anything else (not found, rejected, malformed answer) stays an error.
 */
export function lastKnownReason(error: unknown): LastKnownReason | null {
  if (error instanceof Auth0RateLimitedError) return LastKnownReason.RATE_LIMITED;
  if (!(error instanceof Auth0UnavailableError)) return null;
  if (error.reason === 'status') return LastKnownReason.UPSTREAM_ERROR;
  if (error.reason === 'timeout') return LastKnownReason.TIMEOUT;
  if (error.reason === 'network') return LastKnownReason.UNREACHABLE;
  return null;
}

export function lastKnownMark(asOf: Date, reason: LastKnownReason, now = Date.now()): LastKnownMark {
  return { asOf, ageSeconds: Math.max(0, Math.floor((now - asOf.getTime()) / 1000)), reason };
}
