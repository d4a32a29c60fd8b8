import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { connectionName } from '../profile/connection-names';
import { accountErrorMessage } from './account-error';
import { AccountApi } from './account.api';

type ResetState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

/** "Send me a password reset mail" for database users; others are told where their password lives. */
@Component({
  selector: 'app-password-reset',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="account-section" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      @if (canReset()) {
        <p class="hint">We mail a link to {{ email() }}; it lets you choose a new password once.</p>
        <button type="button" data-testid="send-reset" [disabled]="state().kind === 'sending'" (click)="send()">
          {{ state().kind === 'sending' ? 'Sending…' : 'Send me a password reset mail' }}
        </button>
      } @else {
        <p class="hint" data-testid="password-managed-elsewhere">Your password is managed by your {{ providerName() }} account; change it there.</p>
      }
      <p class="status" role="status" aria-live="polite">
        @if (state().kind === 'sent') { Check your inbox: we sent a reset link to {{ email() }}. }
      </p>
      @if (failure(); as message) { <p class="alert" role="alert">{{ message }}</p> }
    </section>
  `,
})
export class PasswordReset {
  private readonly api = inject(AccountApi);
  /** Database users (those who may change their email) have a password here. */
  readonly canReset = input.required<boolean>();
  readonly email = input.required<string>();
  readonly connection = input.required<string>();
  protected readonly state = signal<ResetState>({ kind: 'idle' });
  protected readonly providerName = computed(() => connectionName(this.connection()));
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : null;
  });

  protected send(): void {
    if (this.state().kind === 'sending') return;
    this.state.set({ kind: 'sending' });
    this.api.sendPasswordReset().subscribe({
      next: () => this.state.set({ kind: 'sent' }),
      error: (error: unknown) => this.state.set({ kind: 'failed', message: accountErrorMessage(error) }),
    });
  }
}
