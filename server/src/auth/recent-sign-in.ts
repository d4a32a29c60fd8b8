import type { AccessTokenClaims } from './access-token';

/** RFC 9470: the caller's last sign-in is older than the operation allows, or the token does not say when it was. */
export class SignInTooOldError extends Error {
  override readonly name = 'SignInTooOldError';
  constructor(readonly maxAgeSeconds: number) {
    super(`A sign-in within the last ${maxAgeSeconds} seconds is required`);
  }
}

/** Clocks of the tenant and this server may differ a little; a sign-in "from the future" beyond this is not believed. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** The sign-in time (epoch seconds) the post-login Action put under `claim`; null when the token has none usable. */
export function signInTimeOf(claims: AccessTokenClaims, claim: string): number | null {
  const value = claims[claim];
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : null;
}

/** Throws SignInTooOldError unless `signedInAt` (epoch seconds) is at most `maxAgeSeconds` ago. */
export function requireRecentSignIn(signedInAt: number | null, maxAgeSeconds: number, nowMs = Date.now()): void {
  if (signedInAt === null) throw new SignInTooOldError(maxAgeSeconds);
  const ageSeconds = nowMs / 1000 - signedInAt;
  if (ageSeconds > maxAgeSeconds || ageSeconds < -CLOCK_TOLERANCE_SECONDS) throw new SignInTooOldError(maxAgeSeconds);
}
