import { ManagementError, ManagementTimeoutError } from 'auth0';
import {
  Auth0RateLimitedError,
  Auth0RejectedError,
  Auth0UnavailableError,
  Auth0UserNotFoundError,
  MAX_RETRY_AFTER_SECONDS,
  retryAfterSeconds,
  toAuth0Error,
} from './errors';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const headers = (values: Record<string, string>) => new Headers(values);

describe('retryAfterSeconds', () => {
  it.each<[string, Record<string, string>, number]>([
    ['retry-after in seconds', { 'retry-after': '30' }, 30],
    ['fractional seconds, rounded up', { 'retry-after': '2.1' }, 3],
    ['retry-after as an HTTP date', { 'retry-after': new Date(NOW + 20_000).toUTCString() }, 20],
    ['an HTTP date in the past, at least 1 s', { 'retry-after': new Date(NOW - 20_000).toUTCString() }, 1],
    ['zero seconds, at least 1 s', { 'retry-after': '0' }, 1],
    ['an absurd wait, capped', { 'retry-after': '999999999' }, MAX_RETRY_AFTER_SECONDS],
    ['a date far ahead, capped', { 'retry-after': new Date(NOW + 86_400_000).toUTCString() }, MAX_RETRY_AFTER_SECONDS],
    ['x-ratelimit-reset when there is no retry-after', { 'x-ratelimit-reset': String(NOW / 1000 + 45) }, 45],
    ['x-ratelimit-reset when retry-after is unreadable', { 'retry-after': 'soon', 'x-ratelimit-reset': String(NOW / 1000 + 12) }, 12],
    ['x-ratelimit-reset far ahead, capped', { 'x-ratelimit-reset': String(NOW / 1000 + 86_400) }, MAX_RETRY_AFTER_SECONDS],
    ['neither header: 1 s', {}, 1],
    ['a zero x-ratelimit-reset: 1 s', { 'x-ratelimit-reset': '0' }, 1],
  ])('%s', (_label, values, expected) => {
    expect(retryAfterSeconds(headers(values), NOW)).toBe(expected);
  });

  it('answers 1 s without headers at all', () => {
    expect(retryAfterSeconds(undefined, NOW)).toBe(1);
  });

  it('caps at 60 s', () => {
    expect(MAX_RETRY_AFTER_SECONDS).toBe(60);
  });
});

function managementError(statusCode: number, body?: unknown, rawHeaders: Record<string, string> = {}): ManagementError {
  const rawResponse = { headers: headers(rawHeaders), redirected: false, status: statusCode, statusText: '', type: 'basic', url: 'https://tenant/api/v2/users/x' } as const;
  return new ManagementError({ message: 'upstream said no', statusCode, body, rawResponse: rawResponse as unknown as ManagementError['rawResponse'] });
}

describe('toAuth0Error', () => {
  it('turns 404 into Auth0UserNotFoundError, with a message for the logs', () => {
    const error = toAuth0Error(managementError(404));
    expect(error).toBeInstanceOf(Auth0UserNotFoundError);
    expect(error.message).toBe('The user does not exist in the tenant');
  });

  it('turns 429 into Auth0RateLimitedError with the wait from the answer', () => {
    const error = toAuth0Error(managementError(429, {}, { 'retry-after': '7' }));
    expect(error).toBeInstanceOf(Auth0RateLimitedError);
    expect((error as Auth0RateLimitedError).retryAfterSeconds).toBe(7);
    expect(error.message).toBe('The Management API rate limit was reached; retry in 7 s');
  });

  it('turns 408 into a timeout', () => {
    const error = toAuth0Error(managementError(408));
    expect(error).toBeInstanceOf(Auth0UnavailableError);
    expect(error).toMatchObject({ reason: 'timeout', status: 408, message: 'The Management API is unavailable (timeout 408)' });
  });

  it.each([500, 502, 503, 504])('turns %i into an unavailable status', (status) => {
    expect(toAuth0Error(managementError(status))).toMatchObject({ name: 'Auth0UnavailableError', reason: 'status', status });
  });

  it.each([
    [400, { errorCode: 'invalid_body' }, 'invalid_body', 'The Management API rejected the call (400 invalid_body)'],
    [409, { errorCode: 'user_exists' }, 'user_exists', 'The Management API rejected the call (409 user_exists)'],
    [403, { message: 'no errorCode here' }, undefined, 'The Management API rejected the call (403)'],
    [401, 'not an object', undefined, 'The Management API rejected the call (401)'],
    [400, { errorCode: 42 }, undefined, 'The Management API rejected the call (400)'],
    [499, null, undefined, 'The Management API rejected the call (499)'],
  ])('turns %i into Auth0RejectedError carrying the error code', (status, body, errorCode, message) => {
    const error = toAuth0Error(managementError(status, body));
    expect(error).toBeInstanceOf(Auth0RejectedError);
    expect(error).toMatchObject({ status, errorCode, message });
  });

  it('turns the SDK timeout into a timeout', () => {
    expect(toAuth0Error(new ManagementTimeoutError('Timeout'))).toMatchObject({ name: 'Auth0UnavailableError', reason: 'timeout', status: undefined });
  });

  it.each([
    ['a TimeoutError', Object.assign(new Error('t'), { name: 'TimeoutError' })],
    ['an AbortError', Object.assign(new Error('a'), { name: 'AbortError' })],
    ['the SDK\'s status-less "timeout" error (our per-attempt abort)', new ManagementError({ message: 'timeout' })],
    ['an abort two causes deep', new Error('fetch failed', { cause: new Error('x', { cause: Object.assign(new Error('a'), { name: 'AbortError' }) }) })],
  ])('turns %s into a timeout', (_label, error) => {
    expect(toAuth0Error(error)).toMatchObject({ reason: 'timeout', message: 'The Management API is unavailable (timeout)' });
  });

  it.each([
    ['a refused connection', new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })],
    ['something that is not an Error', 'boom'],
    ['a ManagementError without a status', new ManagementError({ message: 'no status' })],
    ['a plain Error whose message says timeout', new Error('timeout')],
    ['a cause that is a 500 whose message says timeout', new Error('fetch failed', { cause: new ManagementError({ message: 'timeout', statusCode: 500 }) })],
  ])('turns %s into a network failure', (_label, error) => {
    expect(toAuth0Error(error)).toMatchObject({ name: 'Auth0UnavailableError', reason: 'network', message: 'The Management API is unavailable (network)' });
  });

  it('waits 1 s on a 429 that came without a response to read', () => {
    expect(toAuth0Error(new ManagementError({ message: 'no response', statusCode: 429 }))).toMatchObject({ name: 'Auth0RateLimitedError', retryAfterSeconds: 1 });
  });

  it('names each error, as the logs show them', () => {
    expect([new Auth0UserNotFoundError(), new Auth0RateLimitedError(1), new Auth0UnavailableError('network'), new Auth0RejectedError(400, undefined)].map((e) => e.name)).toEqual([
      'Auth0UserNotFoundError',
      'Auth0RateLimitedError',
      'Auth0UnavailableError',
      'Auth0RejectedError',
    ]);
  });

  it('passes the typed errors through unchanged', () => {
    const typed = [new Auth0UserNotFoundError(), new Auth0RateLimitedError(3), new Auth0UnavailableError('malformed'), new Auth0RejectedError(400, 'x')];
    for (const error of typed) expect(toAuth0Error(error)).toBe(error);
  });
});
