import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Session } from '../../shell/session';
import { confirmFailure, type EmailChangeFailure } from '../email-change/email-change-errors';
import { ProfileApi } from '../profile.api';

type ConfirmState =
  | { kind: 'confirming' }
  | { kind: 'confirmed'; email: string }
  | { kind: 'noToken' }
  | { kind: 'failed'; failure: EmailChangeFailure };

/** The page behind the link mailed to the new address, so long that a real token cannot be shorter. */
const MAX_TOKEN_LENGTH = 512;

/**
 * `/profile/confirm-email?token=…`, the link in the mail to the new address (signed in first,
 * by the route's guard). The token is taken out of the address bar and the history entry at
 * once, then spent on `confirmEmailChange`; its answer replaces the cached profile, so the
 * greeting and the profile page show the new address without a reload.
 */
@Component({
  selector: 'app-confirm-email-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="confirm-title">
      <h1 id="confirm-title">Confirm your new email</h1>
      @switch (state().kind) {
        @case ('confirming') {
          <p class="muted" role="status">Switching your email…</p>
        }
        @case ('confirmed') {
          <p class="status" role="status" data-testid="confirm-result">Your email is now {{ confirmedEmail() }}.</p>
          <a class="button-link" routerLink="/profile">Back to your profile</a>
        }
        @case ('noToken') {
          <p class="alert" role="alert" data-testid="confirm-result">
            This page needs the link from the mail we sent to your new address. Open the mail and follow its link.
          </p>
          <a class="button-link" routerLink="/profile">Your profile</a>
        }
        @case ('failed') {
          <p class="alert" role="alert" data-testid="confirm-result">{{ failureMessage() }}</p>
          @if (signInAgain()) {
            <button type="button" (click)="session.signIn('/profile')">Sign in again</button>
          } @else {
            <a class="button-link" routerLink="/profile">Your profile</a>
          }
        }
      }
    </section>
  `,
})
export class ConfirmEmailPage {
  protected readonly session = inject(Session);
  protected readonly state = signal<ConfirmState>({ kind: 'confirming' });

  constructor() {
    const token = inject(ActivatedRoute).snapshot.queryParamMap.get('token');
    // The token is spent now: it must not stay in the address bar, the history, or a bookmark.
    const location = inject(Location);
    location.replaceState(location.path().split('?')[0] ?? '/profile/confirm-email');
    if (!token || token.length > MAX_TOKEN_LENGTH) {
      this.state.set({ kind: 'noToken' });
      return;
    }
    inject(ProfileApi).confirmEmailChange(token).subscribe({
      next: (profile) => this.state.set({ kind: 'confirmed', email: profile.email }),
      error: (error: unknown) => this.state.set({ kind: 'failed', failure: confirmFailure(error) }),
    });
  }

  protected confirmedEmail(): string {
    const state = this.state();
    return state.kind === 'confirmed' ? state.email : '';
  }

  protected failureMessage(): string {
    const state = this.state();
    return state.kind === 'failed' ? state.failure.message : '';
  }

  protected signInAgain(): boolean {
    const state = this.state();
    return state.kind === 'failed' && state.failure.kind === 'alert' && state.failure.signInAgain;
  }
}
