import type { AccessTokenClaims } from './access-token';
import { requireRecentSignIn, signInTimeOf, SignInTooOldError } from './recent-sign-in';

const CLAIM = 'https://profile-api.local/auth_time';
const NOW_MS = 1_800_000_000_000;
const NOW = NOW_MS / 1000;
const claims = (extra: Record<string, unknown>): AccessTokenClaims => ({ sub: 'auth0|ada', ...extra });

describe('signInTimeOf', () => {
  it('reads whole non-negative epoch seconds from the named claim', () => {
    expect(signInTimeOf(claims({ [CLAIM]: 1_700_000_000 }), CLAIM)).toBe(1_700_000_000);
    expect(signInTimeOf(claims({ [CLAIM]: 0 }), CLAIM)).toBe(0);
  });

  it.each([[undefined], ['1700000000'], [1.5], [-1], [Number.NaN], [Number.MAX_VALUE], [null], [[1]]])('is null for %p', (value) => {
    expect(signInTimeOf(claims({ [CLAIM]: value }), CLAIM)).toBeNull();
  });

  it('does not take the ID token claim auth_time, which Auth0 does not put in access tokens', () => {
    expect(signInTimeOf(claims({ auth_time: NOW }), CLAIM)).toBeNull();
  });
});

describe('requireRecentSignIn', () => {
  it('lets a sign-in up to max age through, to the second', () => {
    expect(() => requireRecentSignIn(NOW, 300, NOW_MS)).not.toThrow();
    expect(() => requireRecentSignIn(NOW - 300, 300, NOW_MS)).not.toThrow();
  });

  it('refuses a sign-in older than max age, carrying the max age', () => {
    const error = (() => {
      try {
        requireRecentSignIn(NOW - 301, 300, NOW_MS);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SignInTooOldError);
    expect(error).toMatchObject({ name: 'SignInTooOldError', maxAgeSeconds: 300, message: 'A sign-in within the last 300 seconds is required' });
  });

  it('refuses a token that does not say when the sign-in was', () => {
    expect(() => requireRecentSignIn(null, 300, NOW_MS)).toThrow(SignInTooOldError);
  });

  it('allows 5 s of clock difference into the future, not more', () => {
    expect(() => requireRecentSignIn(NOW + 5, 300, NOW_MS)).not.toThrow();
    expect(() => requireRecentSignIn(NOW + 6, 300, NOW_MS)).toThrow(SignInTooOldError);
  });

  it('with max age 0 wants a sign-in this second', () => {
    expect(() => requireRecentSignIn(NOW, 0, NOW_MS)).not.toThrow();
    expect(() => requireRecentSignIn(NOW - 1, 0, NOW_MS)).toThrow(SignInTooOldError);
  });

  it('uses the current time by default', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(() => requireRecentSignIn(now, 300)).not.toThrow();
    expect(() => requireRecentSignIn(now - 400, 300)).toThrow(SignInTooOldError);
  });
});
