import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from './shell/session';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <a class="brand" routerLink="/">Profile</a>
      <nav aria-label="Main">
        <a routerLink="/" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }" ariaCurrentWhenActive="page">Home</a>
        @if (session.isAuthenticated()) {
          <a routerLink="/profile" routerLinkActive="active" ariaCurrentWhenActive="page">Your profile</a>
        }
      </nav>
      <div class="session">
        @if (session.isLoading()) {
          <span class="muted">Checking sign-in…</span>
        } @else if (session.isAuthenticated()) {
          <button type="button" class="secondary" (click)="session.signOut()">Sign out</button>
        } @else {
          <button type="button" (click)="session.signIn()">Sign in</button>
        }
      </div>
    </header>
    <main id="main" tabindex="-1">
      @if (session.authError(); as error) {
        <p class="alert" role="alert">Sign-in failed: {{ error.message }}</p>
      }
      <router-outlet />
    </main>
  `,
})
export class App {
  protected readonly session = inject(Session);
}
