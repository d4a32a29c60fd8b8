import { graphQLErrorsOf } from '../graphql/graphql-errors';
import { ErrorCode } from 'profile-shape';
import { classifyApiError } from '../graphql/api-failure';
import { loadErrorMessage } from '../profile/load-error';

/** Codes whose server message is written for the user and says what to do. */
const TOLD_BY_SERVER = new Set<unknown>([ErrorCode.forbidden, ErrorCode.badUserInput, ErrorCode.rateLimited, ErrorCode.notFound, ErrorCode.mailNotSent]);

/** The message for a failed account action (download, reset mail, deletion). */
export function accountErrorMessage(error: unknown): string {
  const told = graphQLErrorsOf(error).find((entry) => TOLD_BY_SERVER.has(entry.extensions['code']));
  if (told?.message) return told.message;
  const kind = classifyApiError(error).kind;
  return kind === 'field' || kind === 'input' || kind === 'server' ? 'That did not work on the server. Try again.' : loadErrorMessage(error);
}
