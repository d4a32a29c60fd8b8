import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { ProfileApi, type MeView, type Profile } from './profile.api';
import { connectionName } from './connection-names';
import { EmailChange } from './email-change/email-change';
import { createProfileForm, fieldErrorMessage, setServerError } from './profile-form';
import { buildPatch, formValueOf, isEmptyPatch } from './profile-patch';
import { PROFILE_FORM_SHAPE } from './profile-shape.token';
import { describeSaveError, type SaveFailure } from './save-error';
import { Session } from '../shell/session';
import { LastKnownNotice } from './last-known-notice';
import { TextField } from './text-field';
import { DownloadData } from '../account/download-data';
import { PasswordReset } from '../account/password-reset';
import { DeleteAccount } from '../account/delete-account';
import { initial } from './initial';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'failed'; failure: SaveFailure };

@Component({
  selector: 'app-profile-page',
  imports: [ReactiveFormsModule, TextField, LastKnownNotice, EmailChange, PasswordReset, DownloadData, DeleteAccount],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile.page.html',
})
export class ProfilePage {
  private readonly api = inject(ProfileApi);
  protected readonly session = inject(Session);
  protected readonly initial = initial;
  private readonly shape = inject(PROFILE_FORM_SHAPE);
  private readonly built = createProfileForm(this.shape);
  protected readonly form = this.built.form;
  /** The form's fields, in the shape's order: the template renders one control per entry. */
  protected readonly fields = this.built.fields;
  protected readonly me = toSignal(this.api.me$, { initialValue: { status: 'loading' } as MeView });
  protected readonly profile = computed(() => {
    const me = this.me();
    return me.status === 'ready' ? me.profile : null;
  });
  protected readonly state = signal<SaveState>({ kind: 'idle' });
  protected readonly pictureFailed = signal(false);

  /** Re-read on every form event (value, status, touched) so zoneless templates stay current. */
  private readonly formEvent = toSignal(this.form.events, { initialValue: null });
  private readonly formValue = computed(() => (this.formEvent(), this.form.getRawValue()));

  protected readonly patch = computed(() => {
    const profile = this.profile();
    return profile ? buildPatch(this.shape, profile, this.formValue()) : {};
  });
  protected readonly canSave = computed(
    // A last-known profile (Auth0 failing) is no base for a save: the button waits for a fresh one.
    () => this.state().kind !== 'saving' && !this.profile()?.lastKnown && !isEmptyPatch(this.patch()) && (this.formEvent(), this.form.valid),
  );
  /** The message under each field (by key), once the user has touched it. */
  protected readonly fieldErrors = computed(() => {
    this.formEvent();
    const errors = new Map<string, string | null>();
    for (const { key, spec, control } of this.fields) {
      errors.set(key, control.touched || control.dirty ? fieldErrorMessage(spec, control.errors) : null);
    }
    return errors;
  });
  protected readonly displayName = computed(() => {
    const profile = this.profile();
    return [profile?.firstName, profile?.lastName].filter(Boolean).join(' ');
  });
  protected readonly loadError = computed(() => {
    const me = this.me();
    return me.status === 'error' ? me : null;
  });
  protected readonly statusText = computed(() => {
    const state = this.state();
    if (state.kind === 'saving') return 'Saving your changes…';
    return state.kind === 'saved' ? state.message : '';
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.failure : null;
  });
  protected readonly connectionName = connectionName;

  constructor() {
    // Show the saved profile in the form whenever it arrives, unless the user is editing.
    effect(() => {
      const profile = this.profile();
      if (profile && !this.form.dirty && this.state().kind !== 'saving') {
        this.form.reset(formValueOf(this.shape, profile));
      }
    });
  }

  protected reload(): void {
    this.api.reloadMe();
  }

  protected save(): void {
    const patch = this.patch();
    if (!this.canSave()) return;
    this.state.set({ kind: 'saving' });
    this.api.update(patch).subscribe({
      next: (saved) => this.saved(saved),
      error: (error: unknown) => this.failed(describeSaveError(error)),
    });
  }

  private saved(profile: Profile): void {
    this.form.reset(formValueOf(this.shape, profile));
    this.state.set({ kind: 'saved', message: 'Your profile was saved.' });
  }

  /** The edits stay in the form whatever went wrong. */
  private failed(failure: SaveFailure): void {
    const control = failure.kind === 'field' ? this.form.get(failure.field) : null;
    if (failure.kind === 'field' && control) {
      setServerError(control, failure.message);
      document.getElementById(failure.field)?.focus();
    }
    this.state.set({ kind: 'failed', failure });
  }
}
