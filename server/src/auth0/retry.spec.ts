import { ManagementError } from 'auth0';
import { Auth0RateLimitedError, Auth0RejectedError, Auth0UnavailableError } from './errors';
import { withRetry, type RetryPolicy } from './retry';

const READS: RetryPolicy = { retryServerErrors: true, maxRateLimitWaitMs: 1000, backoffMs: 10 };
const WRITES: RetryPolicy = { retryServerErrors: false, maxRateLimitWaitMs: 1000, backoffMs: 0 };

const status = (statusCode: number, retryAfter?: string) =>
  new ManagementError({
    message: `status ${statusCode}`,
    statusCode,
    rawResponse: { headers: new Headers(retryAfter ? { 'retry-after': retryAfter } : {}) } as unknown as ManagementError['rawResponse'],
  });

/** A call that fails with the given errors in turn, then answers 'ok'. */
function calls(...failures: unknown[]) {
  let count = 0;
  const call = async () => {
    const failure = failures[count];
    count += 1;
    if (failure !== undefined) throw failure;
    return 'ok';
  };
  return { call, count: () => count };
}

describe('withRetry', () => {
  it('answers the first success without retrying', async () => {
    const c = calls();
    await expect(withRetry(c.call, READS)).resolves.toBe('ok');
    expect(c.count()).toBe(1);
  });

  it('retries a read once after a 5xx', async () => {
    const c = calls(status(503));
    await expect(withRetry(c.call, READS)).resolves.toBe('ok');
    expect(c.count()).toBe(2);
  });

  it('gives up after the one retry, with a typed error', async () => {
    const c = calls(status(503), status(502), status(500));
    await expect(withRetry(c.call, READS)).rejects.toMatchObject({ name: 'Auth0UnavailableError', reason: 'status', status: 502 });
    expect(c.count()).toBe(2);
  });

  it('never retries a write answered 5xx', async () => {
    const c = calls(status(500));
    await expect(withRetry(c.call, WRITES)).rejects.toBeInstanceOf(Auth0UnavailableError);
    expect(c.count()).toBe(1);
  });

  it.each([
    ['a timeout', status(408)],
    ['a refused connection', new TypeError('fetch failed')],
    ['a rejection', status(400)],
  ])('does not retry %s, even for a read', async (_label, failure) => {
    const c = calls(failure);
    await expect(withRetry(c.call, READS)).rejects.toBeInstanceOf(Error);
    expect(c.count()).toBe(1);
  });

  it('turns a rejection into Auth0RejectedError', async () => {
    await expect(withRetry(calls(status(400)).call, READS)).rejects.toBeInstanceOf(Auth0RejectedError);
  });

  it('retries a 429 whose wait fits the budget, after that wait', async () => {
    const c = calls(status(429, '1'));
    const started = Date.now();
    await expect(withRetry(c.call, WRITES)).resolves.toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(c.count()).toBe(2);
  });

  it('answers a 429 whose wait is over the budget at once', async () => {
    const c = calls(status(429, '2'));
    const started = Date.now();
    const error = await withRetry(c.call, READS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Auth0RateLimitedError);
    expect((error as Auth0RateLimitedError).retryAfterSeconds).toBe(2);
    expect(c.count()).toBe(1);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('waits the backoff before retrying a 5xx', async () => {
    const c = calls(status(503));
    const started = Date.now();
    await withRetry(c.call, { ...READS, backoffMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });
});
