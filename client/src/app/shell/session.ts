import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@auth0/auth0-angular';

/** Sign-in state as signals for the templates, and the two ways in and out. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly auth = inject(AuthService);

  readonly isLoading = toSignal(this.auth.isLoading$, { initialValue: true });
  readonly isAuthenticated = toSignal(this.auth.isAuthenticated$, { initialValue: false });
  readonly authError = toSignal(this.auth.error$, { initialValue: null });

  signIn(returnTo = '/'): void {
    this.auth.loginWithRedirect({ appState: { target: returnTo } }).subscribe();
  }

  signOut(): void {
    this.auth.logout({ logoutParams: { returnTo: window.location.origin } }).subscribe();
  }
}
