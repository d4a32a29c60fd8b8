import type { ProfileFieldKey } from 'profile-shape';
import { classifyApiError, SESSION_ENDED } from '../graphql/api-failure';

/** What the page does with a failed save: every case keeps the user's edits. */
export type SaveFailure =
  | { kind: 'field'; field: ProfileFieldKey; message: string }
  | { kind: 'rateLimited'; retryAfterSeconds: number | null; message: string }
  | { kind: 'unavailable'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'unauthenticated'; message: string }
  | { kind: 'other'; message: string };

const KEEP_EDITS = 'Your changes are still here; try again.';

function retryMessage(seconds: number | null): string {
  if (seconds === null) return `Too many changes in a short time. Wait a moment, then save again. ${KEEP_EDITS}`;
  const unit = seconds === 1 ? 'second' : 'seconds';
  return `Too many changes in a short time. Try again in ${seconds} ${unit}. Your changes are still here.`;
}

/** A failed save, worded for the profile form. */
export function describeSaveError(error: unknown): SaveFailure {
  const failure = classifyApiError(error);
  switch (failure.kind) {
    case 'field':
      return failure;
    case 'input':
      return { kind: 'other', message: failure.message || 'The server did not accept these changes.' };
    case 'rateLimited':
      return { ...failure, message: retryMessage(failure.retryAfterSeconds) };
    case 'unavailable':
      return { kind: 'unavailable', message: `The account service is not reachable right now. ${KEEP_EDITS}` };
    case 'unauthenticated':
      return { kind: 'unauthenticated', message: SESSION_ENDED };
    case 'server':
      return { kind: 'other', message: `Something went wrong on the server. ${KEEP_EDITS}` };
    case 'network':
      return { kind: 'network', message: `Could not reach the server. Check your connection. ${KEEP_EDITS}` };
  }
}
