import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AuthService } from '@auth0/auth0-angular';
import { RouterLink } from '@angular/router';
import { of, switchMap } from 'rxjs';
import { ProfileApi, type MeView } from '../profile/profile.api';
import { Session } from '../shell/session';
import { SessionEndedNotice } from '../shell/session-ended-notice';

@Component({
  selector: 'app-home-page',
  imports: [RouterLink, SessionEndedNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="home-title">
      @if (session.isLoading()) {
        <h1 id="home-title">Welcome</h1>
        <p class="muted" role="status">Checking your session…</p>
      } @else if (!session.isAuthenticated()) {
        <app-session-ended-notice />
        <h1 id="home-title">Welcome</h1>
        <p>Sign in to see and edit your profile.</p>
        <button type="button" (click)="session.signIn()">Sign in</button>
      } @else {
        @switch (me()?.status) {
          @case ('ready') {
            <h1 id="home-title" data-testid="greeting">{{ greeting() }}</h1>
            <p>You are signed in as <strong data-testid="home-email">{{ email() }}</strong>. Your name and email live in your profile.</p>
            <a class="button-link" routerLink="/profile">Edit your profile</a>
          }
          @case ('error') {
            <h1 id="home-title">Hello</h1>
            <p class="alert" role="alert">{{ errorMessage() }}</p>
            <button type="button" (click)="reload()">Try again</button>
          }
          @default {
            <h1 id="home-title">Hello</h1>
            <p class="muted" role="status">Loading your profile…</p>
          }
        }
      }
    </section>
  `,
})
export class HomePage {
  protected readonly session = inject(Session);
  private readonly api = inject(ProfileApi);
  /** null while signed out; the name comes from the API, never from the ID token. */
  protected readonly me = toSignal(
    inject(AuthService).isAuthenticated$.pipe(switchMap((signedIn) => (signedIn ? this.api.me$ : of(null)))),
    { initialValue: null as MeView | null },
  );

  protected readonly greeting = computed(() => {
    const me = this.me();
    const firstName = me?.status === 'ready' ? me.profile.firstName : null;
    return firstName ? `Hello, ${firstName}!` : 'Hello!';
  });

  protected readonly email = computed(() => {
    const me = this.me();
    return me?.status === 'ready' ? me.profile.email : '';
  });

  protected readonly errorMessage = computed(() => {
    const me = this.me();
    return me?.status === 'error' ? me.message : '';
  });

  protected reload(): void {
    this.api.reloadMe();
  }
}
