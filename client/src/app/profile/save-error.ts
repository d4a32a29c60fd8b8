import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { graphQLErrorsOf, type GraphQLErrorEntry } from '../graphql/graphql-errors';
import { PROFILE_FIELD_KEYS, type ProfileFieldKey } from 'profile-shape';

/** What the page does with a failed save (or load): every case keeps the user's edits. */
export type SaveFailure =
  | { kind: 'field'; field: ProfileFieldKey; message: string }
  | { kind: 'rateLimited'; retryAfterSeconds: number | null; message: string }
  | { kind: 'unavailable'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'unauthenticated'; message: string }
  | { kind: 'other'; message: string };

const KEEP_EDITS = 'Your changes are still here; try again.';

function isProfileFieldKey(value: unknown): value is ProfileFieldKey {
  return typeof value === 'string' && (PROFILE_FIELD_KEYS as readonly string[]).includes(value);
}

function retryMessage(seconds: number | null): string {
  if (seconds === null) return `Too many changes in a short time. Wait a moment, then save again. ${KEEP_EDITS}`;
  const unit = seconds === 1 ? 'second' : 'seconds';
  return `Too many changes in a short time. Try again in ${seconds} ${unit}. Your changes are still here.`;
}

const UNAVAILABLE: SaveFailure = {
  kind: 'unavailable',
  message: `The account service is not reachable right now. ${KEEP_EDITS}`,
};
const UNAUTHENTICATED: SaveFailure = {
  kind: 'unauthenticated',
  message: 'Your session has ended. Sign in again to continue.',
};

function fromCode(entry: GraphQLErrorEntry): SaveFailure | null {
  const { code, field, retryAfterSeconds } = entry.extensions;
  switch (code) {
    case 'BAD_USER_INPUT':
      return isProfileFieldKey(field)
        ? { kind: 'field', field, message: entry.message }
        : { kind: 'other', message: entry.message || 'The server did not accept these changes.' };
    case 'RATE_LIMITED': {
      const seconds = typeof retryAfterSeconds === 'number' && retryAfterSeconds >= 0
        ? Math.ceil(retryAfterSeconds) : null;
      return { kind: 'rateLimited', retryAfterSeconds: seconds, message: retryMessage(seconds) };
    }
    case 'UPSTREAM_UNAVAILABLE':
      return UNAVAILABLE;
    case 'UNAUTHENTICATED':
      return UNAUTHENTICATED;
    default:
      return null;
  }
}

/** auth0-spa-js errors (from the interceptor's getTokenSilently) carry an OAuth `error` code. */
function isAuthError(error: unknown): boolean {
  const code = (error as { error?: unknown } | null)?.error;
  return typeof code === 'string' && ['login_required', 'consent_required', 'missing_refresh_token', 'invalid_grant'].includes(code);
}

/** Turns whatever Apollo reported into one user-facing outcome. */
export function describeSaveError(error: unknown): SaveFailure {
  for (const entry of graphQLErrorsOf(error)) {
    const failure = fromCode(entry);
    if (failure) return failure;
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return UNAUTHENTICATED;
    if (error.statusCode >= 500) return UNAVAILABLE;
  }
  if (CombinedGraphQLErrors.is(error) || ServerError.is(error)) {
    return { kind: 'other', message: `Something went wrong on the server. ${KEEP_EDITS}` };
  }
  if (isAuthError(error)) return UNAUTHENTICATED;
  return { kind: 'network', message: `Could not reach the server. Check your connection. ${KEEP_EDITS}` };
}

/** The same classification, worded for a profile that could not be loaded. */
export function loadErrorMessage(error: unknown): string {
  const failure = describeSaveError(error);
  switch (failure.kind) {
    case 'network':
      return 'Could not reach the server. Check your connection and try again.';
    case 'unavailable':
      return 'The account service is not reachable right now. Try again in a moment.';
    case 'rateLimited':
      return failure.retryAfterSeconds === null
        ? 'Too many requests just now. Try again in a moment.'
        : `Too many requests just now. Try again in ${failure.retryAfterSeconds} seconds.`;
    case 'unauthenticated':
      return failure.message;
    default:
      return 'Your profile could not be loaded. Try again.';
  }
}
