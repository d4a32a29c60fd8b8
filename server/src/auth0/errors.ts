import { ManagementError, ManagementTimeoutError } from 'auth0';

/** The few failures the Management API boundary reports; nothing else leaves this module. */
export class Auth0UserNotFoundError extends Error {
  override readonly name = 'Auth0UserNotFoundError';
  constructor() {
    super('The user does not exist in the tenant');
  }
}

export class Auth0RateLimitedError extends Error {
  override readonly name = 'Auth0RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`The Management API rate limit was reached; retry in ${retryAfterSeconds} s`);
  }
}

/** `mismatch`: Auth0 answered with another user than the one asked for. */
export type UnavailableReason = 'timeout' | 'network' | 'status' | 'malformed' | 'mismatch';

export class Auth0UnavailableError extends Error {
  override readonly name = 'Auth0UnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    readonly status?: number,
  ) {
    super(`The Management API is unavailable (${reason}${status ? ` ${status}` : ''})`);
  }
}

/** Auth0 answered but refused the call (400, 401, 403, 409...): a bug or a misconfiguration. */
export class Auth0RejectedError extends Error {
  override readonly name = 'Auth0RejectedError';
  constructor(
    readonly status: number,
    readonly errorCode: string | undefined,
  ) {
    super(`The Management API rejected the call (${status}${errorCode ? ` ${errorCode}` : ''})`);
  }
}

export type Auth0Error = Auth0UserNotFoundError | Auth0RateLimitedError | Auth0UnavailableError | Auth0RejectedError;

const DEFAULT_RETRY_AFTER_SECONDS = 1;
/** Auth0's limits reset within a minute; a longer wait is a misread or a hostile header. */
export const MAX_RETRY_AFTER_SECONDS = 60;

const boundedWait = (seconds: number) => Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));

function waitFromHeaders(headers: Headers | undefined, now: number): number | null {
  const retryAfter = headers?.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return seconds;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return (date - now) / 1000;
  }
  const reset = Number(headers?.get('x-ratelimit-reset'));
  return reset > 0 ? reset - now / 1000 : null;
}

/**
 * Seconds until Auth0 accepts calls again: `retry-after` (seconds or HTTP date), else
 * `x-ratelimit-reset` (UNIX seconds); 1 to MAX_RETRY_AFTER_SECONDS.
 */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number {
  return boundedWait(waitFromHeaders(headers, now) ?? DEFAULT_RETRY_AFTER_SECONDS);
}

function errorCodeOf(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'errorCode' in body && typeof body.errorCode === 'string') {
    return body.errorCode;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  // The SDK reports our per-attempt abort as a status-less ManagementError whose message is "timeout".
  if (error instanceof ManagementError && error.statusCode === undefined && /\btimeout\b/i.test(error.message)) return true;
  return isTimeout(error.cause);
}

function fromStatus(error: ManagementError & { statusCode: number }): Auth0Error {
  const status = error.statusCode;
  if (status === 404) return new Auth0UserNotFoundError();
  if (status === 429) return new Auth0RateLimitedError(retryAfterSeconds(error.rawResponse?.headers));
  if (status === 408) return new Auth0UnavailableError('timeout', status);
  if (status >= 500) return new Auth0UnavailableError('status', status);
  return new Auth0RejectedError(status, errorCodeOf(error.body));
}

/** Turns anything the auth0 SDK (or fetch underneath it) throws into one of the typed errors above. */
export function toAuth0Error(error: unknown): Auth0Error {
  if (error instanceof Auth0UserNotFoundError || error instanceof Auth0RateLimitedError) return error;
  if (error instanceof Auth0UnavailableError || error instanceof Auth0RejectedError) return error;
  if (error instanceof ManagementTimeoutError) return new Auth0UnavailableError('timeout');
  if (error instanceof ManagementError && typeof error.statusCode === 'number') {
    return fromStatus(error as ManagementError & { statusCode: number });
  }
  return new Auth0UnavailableError(isTimeout(error) ? 'timeout' : 'network');
}
