import { Location } from '@angular/common';
import { inject } from '@angular/core';
import { AuthenticationError, AuthService, type AppState } from '@auth0/auth0-angular';
import { filter, firstValueFrom, map, race, switchMap, timer } from 'rxjs';
import { sessionMarker } from './session-marker';

/**
 * How long the silent renewal may take before the top-level try is made anyway. The SDK's own
 * iframe timeout is 60 s; a user looking at "Loading…" should not wait that long.
 */
const SILENT_RENEWAL_TIMEOUT_MS = 10_000;

/** The answers of a `prompt=none` request that mean "no session at the tenant", not a failure. */
const NO_TENANT_SESSION = new Set(['login_required', 'consent_required', 'interaction_required']);

/** The appState of the top-level `prompt=none` redirect: where to land, and that it was one. */
export interface RestoreAppState extends AppState {
  target: string;
  restore: true;
}

/** The same test the SDK makes before handling `?code=…&state=…` or `?error=…&state=…`. */
export function isAuthCallback(search: string): boolean {
  const params = new URLSearchParams(search);
  return (params.has('code') || params.has('error')) && params.has('state');
}

/** The answer to our own `prompt=none` redirect when the tenant had no session: signed out, not an error. */
export function isQuietRestoreFailure(error: unknown): boolean {
  return (
    error instanceof AuthenticationError &&
    (error.appState as Partial<RestoreAppState> | null)?.restore === true &&
    NO_TENANT_SESSION.has(error.error)
  );
}

/**
 * App initializer. When this tab had a session and the silent renewal of a reload fails (the
 * tenant is another site and its cookie is not sent to the hidden iframe), sends the page once
 * to the tenant with `prompt=none`: its first-party session answers with a code and the user
 * lands back on the same route; without a session it answers `login_required` and the app
 * shows the signed-out home. The marker is cleared before leaving, so a page load can make at
 * most one try and a callback (or any load after a failed try) makes none: no loops.
 * Holding the router back until then keeps `authGuardFn` from sending the user to the login page.
 */
export function restoreSession(): Promise<void> | void {
  // Read before the SDK handles the callback and rewrites the URL.
  const callback = isAuthCallback(window.location.search);
  const target = inject(Location).path(true) || '/';
  const auth = inject(AuthService);
  auth.isAuthenticated$.pipe(filter(Boolean)).subscribe(() => sessionMarker.set());
  if (callback || !sessionMarker.present()) return;

  const settled = auth.isLoading$.pipe(
    filter((loading) => !loading),
    switchMap(() => auth.isAuthenticated$),
  );
  return firstValueFrom(race(settled, timer(SILENT_RENEWAL_TIMEOUT_MS).pipe(map(() => false)))).then((signedIn) => {
    if (signedIn) return undefined;
    sessionMarker.clear();
    const appState: RestoreAppState = { target, restore: true };
    return firstValueFrom(auth.loginWithRedirect({ appState, authorizationParams: { prompt: 'none' } })).then(
      () => new Promise<void>(() => {}), // The page is leaving; the router never starts.
      () => undefined,
    );
  });
}
