import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { findErrorCode } from '../graphql/graphql-errors';
import { Session } from '../shell/session';
import { StepUp, StepUpFailed, type Attempt } from '../step-up/step-up';
import { accountErrorMessage } from './account-error';
import { AccountApi } from './account.api';

/** The step-up action name of a deletion (kept in appState across the sign-in). */
export const DELETE_ACCOUNT = 'deleteAccount';

type DeleteState = { kind: 'idle' } | { kind: 'deleting' } | { kind: 'failed'; message: string };

/** The server's rule: the account's address, spaces around and letter case ignored. */
const confirms = (typed: string, email: string) => typed.trim().toLowerCase() === email.trim().toLowerCase();

/**
 * The danger zone: the user types their email address to confirm, the API asks for a recent
 * sign-in (the step-up, which comes back here and finishes without retyping), then the account
 * is deleted and the session ends here and at the tenant.
 */
@Component({
  selector: 'app-delete-account',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="account-section danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete your account</h2>
      <p class="hint" id="delete-hint">This deletes your profile and your sign-in for good; it cannot be undone. You may be asked to sign in again first.</p>
      <label for="delete-confirm">Type your email address, {{ email() }}, to confirm</label>
      <input id="delete-confirm" type="email" autocomplete="off" aria-describedby="delete-hint"
        [value]="typed()" (input)="typed.set($any($event.target).value)" [disabled]="state().kind === 'deleting'" />
      <button type="button" class="danger" data-testid="delete-account" [disabled]="!canDelete()" (click)="delete()">
        {{ state().kind === 'deleting' ? 'Deleting…' : 'Delete my account' }}
      </button>
      @if (failure(); as message) { <p class="alert" role="alert">{{ message }}</p> }
    </section>
  `,
})
export class DeleteAccount implements OnInit {
  readonly email = input.required<string>();
  private readonly api = inject(AccountApi);
  private readonly stepUp = inject(StepUp);
  private readonly session = inject(Session);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly typed = signal('');
  protected readonly state = signal<DeleteState>({ kind: 'idle' });
  protected readonly canDelete = computed(() => this.state().kind !== 'deleting' && confirms(this.typed(), this.email()));
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : null;
  });

  ngOnInit(): void {
    // Back from the step-up sign-in: finish the deletion with the confirmation typed before it.
    this.stepUp.resumed(DELETE_ACCOUNT).pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (value) => {
        this.typed.set(value['confirm'] ?? '');
        this.run(this.typed(), 'afterStepUp');
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected delete(): void {
    if (this.canDelete()) this.run(this.typed(), 'first');
  }

  private run(confirm: string, attempt: Attempt): void {
    this.state.set({ kind: 'deleting' });
    this.stepUp.run(DELETE_ACCOUNT, { confirm }, attempt, this.api.deleteAccount(confirm)).subscribe({
      next: () => this.session.signOutDeleted(),
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    // Gone already (an earlier attempt went through): the outcome the user asked for.
    if (findErrorCode(error, 'NOT_FOUND')) return this.session.signOutDeleted();
    const message = error instanceof StepUpFailed ? error.message : accountErrorMessage(error);
    this.state.set({ kind: 'failed', message });
  }
}
