import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { ProfileApi, type MeView, type Profile } from './profile.api';
import { createProfileForm, fieldErrorMessage, setServerError } from './profile-form';
import { buildPatch, formValueOf, isEmptyPatch } from './profile-patch';
import { PROFILE_FIELDS, connectionName, emailLockedReason, type ProfileField } from './profile-rules';
import { describeSaveError, type SaveFailure } from './save-error';
import { Session } from '../shell/session';
import { LastKnownNotice } from './last-known-notice';
import { TextField } from './text-field';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'failed'; failure: SaveFailure };

@Component({
  selector: 'app-profile-page',
  imports: [ReactiveFormsModule, TextField, LastKnownNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile.page.html',
})
export class ProfilePage {
  private readonly api = inject(ProfileApi);
  protected readonly session = inject(Session);
  protected readonly form = createProfileForm();
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
    return profile ? buildPatch(profile, this.formValue()) : {};
  });
  protected readonly canSave = computed(
    // A last-known profile (Auth0 failing) is no base for a save: the button waits for a fresh one.
    () => this.state().kind !== 'saving' && !this.profile()?.lastKnown && !isEmptyPatch(this.patch()) && (this.formEvent(), this.form.valid),
  );
  protected readonly fieldErrors = computed(() => {
    this.formEvent();
    const errors = {} as Record<ProfileField, string | null>;
    for (const field of PROFILE_FIELDS) {
      const control = this.form.controls[field];
      errors[field] = control.touched || control.dirty ? fieldErrorMessage(field, control.errors) : null;
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
  protected readonly emailLockedReason = emailLockedReason;

  constructor() {
    // Show the saved profile in the form whenever it arrives, unless the user is editing.
    effect(() => {
      const profile = this.profile();
      if (profile && !this.form.dirty && this.state().kind !== 'saving') {
        this.form.reset(formValueOf(profile));
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
      next: (saved) => this.saved(saved, patch.email !== undefined),
      error: (error: unknown) => this.failed(describeSaveError(error)),
    });
  }

  private saved(profile: Profile, emailChanged: boolean): void {
    this.form.reset(formValueOf(profile));
    const message = emailChanged
      ? `Saved. We sent a verification mail to ${profile.email}; until you confirm it, the address shows as unverified.`
      : 'Your profile was saved.';
    this.state.set({ kind: 'saved', message });
  }

  /** The edits stay in the form whatever went wrong. */
  private failed(failure: SaveFailure): void {
    if (failure.kind === 'field') {
      setServerError(this.form, failure.field, failure.message);
      document.getElementById(failure.field)?.focus();
    }
    this.state.set({ kind: 'failed', failure });
  }
}
