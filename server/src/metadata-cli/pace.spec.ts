import { ManagementError } from 'auth0';
import { Auth0RejectedError } from '../auth0/errors';
import { Pacer } from './pace';

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

function fakeClock(start = 1_000_000_000_000) {
  const clock = { now: start, waits: [] as number[] };
  return {
    clock,
    options: {
      now: () => clock.now,
      wait: async (ms: number) => {
        clock.waits.push(ms);
        clock.now += ms;
      },
    },
  };
}

const answer = (remaining: number, resetSeconds: number) => async () => ({
  data: 'ok',
  headers: headers({ 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(resetSeconds) }),
});

function tooMany(retryAfter: string): ManagementError {
  return new ManagementError({
    message: 'Too Many Requests',
    statusCode: 429,
    body: { errorCode: 'too_many_requests' },
    rawResponse: { headers: headers({ 'retry-after': retryAfter }), redirected: false, status: 429, statusText: 'Too Many Requests', type: 'basic', url: '' },
  });
}

describe('Pacer', () => {
  it('sends while requests remain, and waits for the reset once none do', async () => {
    const { clock, options } = fakeClock();
    const pacer = new Pacer(options);
    const reset = clock.now / 1000 + 2;
    await pacer.send(answer(1, reset));
    expect(clock.waits).toEqual([]);
    await pacer.send(answer(0, reset));
    expect(clock.waits).toEqual([]);
    await pacer.send(answer(5, reset));
    expect(clock.waits).toEqual([2000]);
    expect(pacer.requests).toBe(3);
  });

  it('waits as retry-after says after a 429 and sends the call again', async () => {
    const { clock, options } = fakeClock();
    const pacer = new Pacer(options);
    let calls = 0;
    const result = await pacer.send(async () => {
      calls += 1;
      if (calls === 1) throw tooMany('3');
      return { data: 'done', headers: headers({}) };
    });
    expect(result).toBe('done');
    expect(clock.waits).toEqual([3000]);
    expect(pacer.rateLimited).toBe(1);
  });

  it('does not retry a refusal, and gives up on 429s after maxAttempts', async () => {
    const { options } = fakeClock();
    const refused = new ManagementError({ message: 'Bad Request', statusCode: 400, body: { errorCode: 'invalid_body' } });
    await expect(new Pacer(options).send(() => Promise.reject(refused))).rejects.toBeInstanceOf(Auth0RejectedError);
    const pacer = new Pacer({ ...options, maxAttempts: 3 });
    await expect(pacer.send(() => Promise.reject(tooMany('1')))).rejects.toThrow(/rate limit/);
    expect(pacer.requests).toBe(3);
  });
});
