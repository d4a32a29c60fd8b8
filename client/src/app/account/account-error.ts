import { graphQLErrorsOf } from '../graphql/graphql-errors';
import { describeSaveError, loadErrorMessage } from '../profile/save-error';

/** Codes whose server message is written for the user and says what to do. */
const TOLD_BY_SERVER = new Set(['FORBIDDEN', 'BAD_USER_INPUT', 'RATE_LIMITED', 'NOT_FOUND', 'MAIL_NOT_SENT']);

/** The message for a failed account action (download, reset mail, deletion). */
export function accountErrorMessage(error: unknown): string {
  const told = graphQLErrorsOf(error).find((entry) => TOLD_BY_SERVER.has(String(entry.extensions['code'])));
  if (told?.message) return told.message;
  const kind = describeSaveError(error).kind;
  return kind === 'other' || kind === 'field' ? 'That did not work on the server. Try again.' : loadErrorMessage(error);
}
