import { UpdateRateLimitedError, UpdateRateLimiter } from './update-rate-limit';

function setup(limit = 10, maxUsers = 1000) {
  let clock = 5_000_000;
  const limiter = new UpdateRateLimiter({ limit, windowMs: 60_000, maxUsers, now: () => clock });
  return { limiter, advance: (ms: number) => (clock += ms) };
}

const times = <T>(n: number, fn: () => T): T[] => Array.from({ length: n }, fn);

describe('UpdateRateLimiter', () => {
  it('allows the configured number of updates per minute, then refuses with a retry time', () => {
    const { limiter } = setup(10);
    const decisions = times(10, () => limiter.consume('u1'));
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(limiter.consume('u1')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('counts each user separately', () => {
    const { limiter } = setup(2);
    limiter.consume('u1');
    limiter.consume('u1');
    expect(limiter.consume('u1').allowed).toBe(false);
    expect(limiter.consume('u2').allowed).toBe(true);
  });

  it('reports the seconds until the oldest update leaves the window, rounded up', () => {
    const { limiter, advance } = setup(2);
    limiter.consume('u1');
    advance(20_500);
    limiter.consume('u1');
    expect(limiter.consume('u1')).toEqual({ allowed: false, retryAfterSeconds: 40 });
  });

  it('allows again once the window has slid past the oldest update', () => {
    const { limiter, advance } = setup(2);
    limiter.consume('u1');
    advance(30_000);
    limiter.consume('u1');
    advance(29_999);
    expect(limiter.consume('u1').allowed).toBe(false);
    advance(1);
    expect(limiter.consume('u1').allowed).toBe(true);
    expect(limiter.consume('u1').allowed).toBe(false);
  });

  it('does not extend the wait for refused attempts', () => {
    const { limiter, advance } = setup(1);
    limiter.consume('u1');
    advance(10_000);
    times(50, () => limiter.consume('u1'));
    advance(50_000);
    expect(limiter.consume('u1').allowed).toBe(true);
  });

  it('tracks at most maxUsers users', () => {
    const { limiter } = setup(1, 100);
    for (let i = 0; i < 1000; i++) limiter.consume(`user-${i}`);
    expect(limiter.trackedUsers).toBe(100);
  });

  it('rejects nonsensical options', () => {
    expect(() => new UpdateRateLimiter({ limit: 0, windowMs: 1, maxUsers: 1 })).toThrow(/limit/);
    expect(() => new UpdateRateLimiter({ limit: 1, windowMs: 0, maxUsers: 1 })).toThrow(/windowMs/);
    expect(() => new UpdateRateLimiter({ limit: 1, windowMs: 1, maxUsers: 0 })).toThrow(/maxUsers/);
  });

  it('enforce lets an allowed update through and throws UpdateRateLimitedError, with the wait, for a refused one', () => {
    const { limiter } = setup(1);
    expect(() => limiter.enforce('u1')).not.toThrow();
    const refusal = (() => {
      try {
        limiter.enforce('u1');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(UpdateRateLimitedError);
    expect(refusal).toMatchObject({ name: 'UpdateRateLimitedError', retryAfterSeconds: 60, message: 'Too many profile updates; try again in 60 s' });
  });

  it('works with a limit of one update for a single tracked user', () => {
    const limiter = new UpdateRateLimiter({ limit: 1, windowMs: 60_000, maxUsers: 1, now: () => 0 });
    expect(limiter.consume('u1')).toEqual({ allowed: true });
    expect(limiter.consume('u1')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });
});
