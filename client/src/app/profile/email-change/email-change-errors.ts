import { ErrorCode } from 'profile-shape';
import { graphQLErrorsOf } from '../../graphql/graphql-errors';
import { StepUpFailed } from '../../step-up/step-up';
import { emailLockedReason } from '../connection-names';
import { describeSaveError } from '../save-error';

/** How a failed email-change step is shown: on the address field, or as an alert (maybe with "Sign in again"). */
export type EmailChangeFailure =
  | { kind: 'field'; message: string }
  | { kind: 'alert'; message: string; signInAgain: boolean };

const alert = (message: string, signInAgain = false): EmailChangeFailure => ({ kind: 'alert', message, signInAgain });

/** The failures every step shares: the step-up's own, the session's, the network's, Auth0's. */
function generalFailure(error: unknown): EmailChangeFailure {
  if (error instanceof StepUpFailed) return alert(error.message);
  const failure = describeSaveError(error);
  return alert(failure.message, failure.kind === 'unauthenticated');
}

/** Why `requestEmailChange(email)` failed, in words. */
export function requestFailure(error: unknown, email: string, connection: string): EmailChangeFailure {
  for (const { message, extensions } of graphQLErrorsOf(error)) {
    switch (extensions['code']) {
      case ErrorCode.badUserInput:
        if (extensions['rule'] === 'emailTaken') return { kind: 'field', message: 'Another account already uses this address.' };
        if (extensions['field'] === 'email' && message) return { kind: 'field', message };
        break;
      case ErrorCode.forbidden:
        // A social user's address belongs to the provider; any other refusal (a blocked account) says its own why.
        if (extensions['reason'] === 'emailManagedByProvider' || !message) return alert(emailLockedReason(connection));
        return alert(message);
      case ErrorCode.mailNotSent:
        return alert(`We could not send the mail to ${email}, so nothing was changed. Check the address, or try again in a moment.`);
    }
  }
  return generalFailure(error);
}

/** Why `confirmEmailChange(token)` failed, in words. */
export function confirmFailure(error: unknown): EmailChangeFailure {
  for (const { message, extensions } of graphQLErrorsOf(error)) {
    switch (extensions['code']) {
      case ErrorCode.emailChangeInvalid:
        return alert(
          'This link cannot be used: it was already used, a newer link replaced it, the change was cancelled, or it is for another account. Nothing was changed.',
        );
      case ErrorCode.emailChangeExpired:
        return alert('This link has expired, so nothing was changed. Request a new one from your profile.');
      case ErrorCode.badUserInput:
        if (extensions['rule'] === 'emailTaken') return alert('Another account took this address in the meantime, so nothing was changed.');
        if (message) return alert(message);
        break;
    }
  }
  return generalFailure(error);
}

/** Why `cancelEmailChange` failed, in words. */
export function cancelFailure(error: unknown): EmailChangeFailure {
  return generalFailure(error);
}

/** "5 Dec 2026, 10:32": when a pending change's link stops working, in the reader's time zone. */
export function expiryText(expiresAt: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(expiresAt));
}
