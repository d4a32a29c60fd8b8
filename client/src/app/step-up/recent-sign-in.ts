/**
 * Clock skew allowed between the browser and the tenant, as auth0-spa-js allows in its own ID
 * token checks (its default `leeway`).
 */
const CLOCK_LEEWAY_SECONDS = 60;

export type SignInAgeProblem = 'noAuthTime' | 'tooOld';

/**
 * Whether the ID token's `auth_time` (epoch seconds of the last interactive sign-in) is within
 * `maxAgeSeconds` of now. auth0-spa-js checks `auth_time` only against the `max_age` of its
 * global configuration, never against the one passed to a single `loginWithRedirect`, so a
 * tenant (or anyone editing the authorize URL) that ignores that `max_age` would otherwise go
 * unnoticed: the omission behind CVE-2026-107371.
 */
export function signInAgeProblem(claims: { auth_time?: unknown } | null | undefined, maxAgeSeconds: number, nowSeconds: number): SignInAgeProblem | null {
  const authTime = claims?.auth_time;
  if (typeof authTime !== 'number' || !Number.isFinite(authTime)) return 'noAuthTime';
  return nowSeconds - authTime > maxAgeSeconds + CLOCK_LEEWAY_SECONDS ? 'tooOld' : null;
}

/** "5 minutes", "1 minute", "45 seconds": how recent a sign-in must be, for messages. */
export function maxAgeText(seconds: number): string {
  const [count, unit] = seconds >= 60 && seconds % 60 === 0 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
