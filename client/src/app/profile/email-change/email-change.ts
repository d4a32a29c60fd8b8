import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal, type OnInit } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { PROFILE_SHAPE } from 'profile-shape';
import { Session } from '../../shell/session';
import { StepUp, type Attempt } from '../../step-up/step-up';
import { emailLockedReason } from '../connection-names';
import { createProfileForm, fieldErrorMessage, setServerError } from '../profile-form';
import type { Profile } from '../profile.api';
import { ProfileApi } from '../profile.api';
import { TextField } from '../text-field';
import { cancelFailure, expiryText, requestFailure, type EmailChangeFailure } from './email-change-errors';

/** The step-up action name of a change request (kept in appState across the sign-in). */
const REQUEST_EMAIL_CHANGE = 'requestEmailChange';

type ChangeState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'cancelling' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; failure: EmailChangeFailure };

/**
 * The email, shown apart from the names: database users type a new address, a link goes to it
 * (after a step-up sign-in when the API asks for one), and the address switches only when the
 * link is followed. The pending change can be cancelled or replaced by requesting again.
 */
@Component({
  selector: 'app-email-change',
  imports: [ReactiveFormsModule, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './email-change.html',
})
export class EmailChange implements OnInit {
  readonly profile = input.required<Profile>();
  private readonly api = inject(ProfileApi);
  private readonly stepUp = inject(StepUp);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly session = inject(Session);
  private readonly built = createProfileForm({ email: PROFILE_SHAPE.email });
  protected readonly form = this.built.form;
  protected readonly newEmail = this.built.fields[0]?.control ?? new FormControl('', { nonNullable: true });
  /** The current address, read-only (a control only so it renders like every other field). */
  protected readonly current = computed(() => new FormControl(this.profile().email, { nonNullable: true }));
  protected readonly state = signal<ChangeState>({ kind: 'idle' });

  private readonly formEvent = toSignal(this.form.events, { initialValue: null });
  private readonly typed = computed(() => (this.formEvent(), this.newEmail.value.trim().toLowerCase()));
  protected readonly pending = computed(() => this.profile().pendingEmailChange);
  /** An API without a mail path switches at once (Auth0's verify_email); the words follow. */
  protected readonly immediate = computed(() => this.profile().emailChangeMode === 'IMMEDIATE');
  protected readonly hint = computed(() => {
    if (this.immediate()) return 'Your email changes at once; we send a verification mail to the new address.';
    return this.pending()
      ? 'Asking again sends a new link, and the earlier one stops working.'
      : 'We send a link to the new address; nothing changes until you follow it.';
  });
  protected readonly busy = computed(() => ['sending', 'cancelling'].includes(this.state().kind) || this.stepUp.leaving());
  protected readonly sameAsCurrent = computed(() => this.typed() !== '' && this.typed() === this.profile().email.toLowerCase());
  protected readonly canSend = computed(
    () => !this.busy() && !this.profile().lastKnown && this.typed() !== '' && !this.sameAsCurrent() && (this.formEvent(), this.form.valid),
  );
  protected readonly buttonLabel = computed(() => {
    if (this.busy() && this.state().kind !== 'cancelling') return 'Sending…';
    if (this.immediate()) return 'Change email';
    return this.pending() ? 'Send a new link' : 'Send confirmation link';
  });
  protected readonly fieldError = computed(() => {
    this.formEvent();
    if (this.sameAsCurrent()) return 'That is already your email.';
    const touched = this.newEmail.touched || this.newEmail.dirty;
    return touched ? fieldErrorMessage(PROFILE_SHAPE.email, this.newEmail.errors) : null;
  });
  protected readonly statusText = computed(() => {
    if (this.stepUp.leaving()) return 'This change needs a recent sign-in: taking you to sign in…';
    const state = this.state();
    if (state.kind === 'sending') return this.immediate() ? 'Changing your email…' : 'Sending the confirmation link…';
    if (state.kind === 'cancelling') return 'Cancelling the change…';
    return state.kind === 'done' ? state.message : '';
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.failure : null;
  });
  protected readonly lockedReason = computed(() => emailLockedReason(this.profile().connection));
  protected readonly expiryText = expiryText;

  ngOnInit(): void {
    // Back from the step-up sign-in: finish the request with the address typed before it.
    this.stepUp.resumed(REQUEST_EMAIL_CHANGE).pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (value) => {
        const email = value['email'] ?? '';
        this.newEmail.setValue(email);
        this.send(email, 'afterStepUp');
      },
      error: (error: unknown) => this.failed(requestFailure(error, '', this.profile().connection)),
    });
  }

  protected request(): void {
    if (this.canSend()) this.send(this.newEmail.value.trim(), 'first');
  }

  protected cancel(): void {
    if (this.busy()) return;
    this.state.set({ kind: 'cancelling' });
    this.api.cancelEmailChange().subscribe({
      next: () => this.state.set({ kind: 'done', message: 'The email change was cancelled; the link no longer works.' }),
      error: (error: unknown) => this.failed(cancelFailure(error)),
    });
  }

  private send(email: string, attempt: Attempt): void {
    this.state.set({ kind: 'sending' });
    const immediate = this.immediate();
    this.stepUp.run(REQUEST_EMAIL_CHANGE, { email }, attempt, this.api.requestEmailChange(email, this.profile().emailChangeMode)).subscribe({
      next: (pending) => {
        this.form.reset({ email: '' });
        const message = immediate
          ? `Your email is now ${pending.email}. We sent a verification mail to it; until you follow its link, the address shows as unverified.`
          : `Link sent to ${pending.email}.`;
        this.state.set({ kind: 'done', message });
      },
      error: (error: unknown) => this.failed(requestFailure(error, email, this.profile().connection)),
    });
  }

  /** The typed address stays whatever went wrong; a field problem goes on the field. */
  private failed(failure: EmailChangeFailure): void {
    if (failure.kind === 'field') {
      setServerError(this.newEmail, failure.message);
      document.getElementById('newEmail')?.focus();
    }
    this.state.set({ kind: 'failed', failure });
  }
}
