import { AuthService, type AppState, type RedirectLoginOptions } from '@auth0/auth0-angular';
import { ReplaySubject, of } from 'rxjs';
import type { Provider } from '@angular/core';

/**
 * Stands in for auth0-angular's AuthService in unit specs: the callback's appState (pushed by
 * the test), the ID token claims, and the sign-ins asked for (recorded, never performed).
 * The browser tests (e2e/) run the real SDK against the local tenant.
 */
/** The `sub` of the stand-in's ID token. */
export const STAND_IN_SUB = 'auth0|stand-in';

export function standInAuth(claims: Record<string, unknown> | null = { sub: STAND_IN_SUB, auth_time: Math.floor(Date.now() / 1000) }) {
  const appState$ = new ReplaySubject<object>(1);
  const logins: RedirectLoginOptions<AppState>[] = [];
  const auth = {
    appState$,
    idTokenClaims$: of(claims),
    loginWithRedirect: (options: RedirectLoginOptions<AppState>) => (logins.push(options), of(undefined)),
  };
  const provider: Provider = { provide: AuthService, useValue: auth };
  return { appState$, logins, provider };
}
