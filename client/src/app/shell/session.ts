import { Injectable, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@auth0/auth0-angular';
import { deletedMarker } from '../account/deleted-marker';
import { sessionMarker } from './session-marker';
import { isQuietRestoreFailure } from './session-restore';

/** Sign-in state as signals for the templates, and the two ways in and out. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly auth = inject(AuthService);
  private readonly error = toSignal(this.auth.error$, { initialValue: null });

  readonly isLoading = toSignal(this.auth.isLoading$, { initialValue: true });
  readonly isAuthenticated = toSignal(this.auth.isAuthenticated$, { initialValue: false });
  /** A sign-in failure worth showing; the tenant saying "no session" after a reload is just signed out. */
  readonly authError = computed(() => {
    const error = this.error();
    return isQuietRestoreFailure(error) ? null : error;
  });
  private readonly endedNoticeDismissed = signal(false);
  /**
   * This tab had a session, and the tenant answered our quiet restore with "no session": it ended
   * elsewhere (signed out in another tab, expired, revoked). Worth a word, until dismissed.
   */
  readonly sessionEndedElsewhere = computed(
    () => !this.endedNoticeDismissed() && !this.isAuthenticated() && isQuietRestoreFailure(this.error()),
  );

  dismissSessionEnded(): void {
    this.endedNoticeDismissed.set(true);
  }

  signIn(returnTo = '/'): void {
    this.auth.loginWithRedirect({ appState: { target: returnTo } }).subscribe();
  }

  /** Signs out here and at the tenant, then shows the "account deleted" page. */
  signOutDeleted(): void {
    deletedMarker.set();
    this.signOut();
  }

  signOut(): void {
    sessionMarker.clear();
    this.auth.logout({ logoutParams: { returnTo: window.location.origin } }).subscribe();
  }
}
