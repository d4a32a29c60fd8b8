import { Auth0RateLimitedError, Auth0RejectedError, Auth0UnavailableError, Auth0UserNotFoundError } from '../auth0/errors';
import { InProcessLastKnownStore } from './last-known-store';
import { lastKnownMark, lastKnownReason, LastKnownReason } from './last-known';

describe('lastKnownReason', () => {
  it.each<[string, unknown, LastKnownReason | null]>([
    ['a 429', new Auth0RateLimitedError(3), LastKnownReason.RATE_LIMITED],
    ['a 5xx', new Auth0UnavailableError('status', 503), LastKnownReason.UPSTREAM_ERROR],
    ['a timeout', new Auth0UnavailableError('timeout'), LastKnownReason.TIMEOUT],
    ['a refused connection', new Auth0UnavailableError('network'), LastKnownReason.UNREACHABLE],
    ['a malformed answer', new Auth0UnavailableError('malformed'), null],
    ["another user's record", new Auth0UnavailableError('mismatch'), null],
    ['a missing user', new Auth0UserNotFoundError(), null],
    ['a refused call', new Auth0RejectedError(403, undefined), null],
    ['anything else', new Error('boom'), null],
  ])('%s', (_label, error, reason) => {
    expect(lastKnownReason(error)).toBe(reason);
  });
});

describe('lastKnownMark', () => {
  const asOf = new Date('2026-01-01T00:00:00.000Z');

  it('gives the age in whole seconds, rounded down', () => {
    expect(lastKnownMark(asOf, LastKnownReason.TIMEOUT, asOf.getTime() + 2_999)).toEqual({ asOf, ageSeconds: 2, reason: LastKnownReason.TIMEOUT });
  });

  it('never gives a negative age (a replica whose clock is behind)', () => {
    expect(lastKnownMark(asOf, LastKnownReason.TIMEOUT, asOf.getTime() - 5_000).ageSeconds).toBe(0);
  });
});

describe('InProcessLastKnownStore', () => {
  it('recalls what it remembered, with when, until its age bound', async () => {
    let clock = Date.parse('2026-01-01T00:00:00.000Z');
    const profiles = new InProcessLastKnownStore<{ name: string }>({ ttlMs: 10_000, maxEntries: 10, now: () => clock });
    profiles.remember('u1', { name: 'Ada' });
    clock += 9_000;
    await expect(profiles.recall('u1')).resolves.toEqual({ value: { name: 'Ada' }, asOf: new Date('2026-01-01T00:00:00.000Z') });
    await expect(profiles.recall('u2')).resolves.toBeUndefined();
    clock += 1_001;
    // lru-cache reads the clock at most once per real millisecond (ttlResolution): let one pass.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(profiles.recall('u1')).resolves.toBeUndefined();
  });
});
