import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode, PROFILE_FIELD_KEYS, type ProfileFieldKey } from 'profile-shape';
import { graphQLErrorsOf, type GraphQLErrorEntry } from './graphql-errors';

/** What every page says when the session behind a call has ended. */
export const SESSION_ENDED = 'Your session has ended. Sign in again to continue.';

/** What went wrong with a call to the API, whatever the operation; each page words it for its users. */
export type ApiFailure =
  | { kind: 'field'; field: ProfileFieldKey; message: string }
  | { kind: 'input'; message: string }
  | { kind: 'rateLimited'; retryAfterSeconds: number | null }
  | { kind: 'unavailable' }
  | { kind: 'unauthenticated' }
  | { kind: 'server' }
  | { kind: 'network' };

function isProfileFieldKey(value: unknown): value is ProfileFieldKey {
  return typeof value === 'string' && (PROFILE_FIELD_KEYS as readonly string[]).includes(value);
}

function fromCode(entry: GraphQLErrorEntry): ApiFailure | null {
  const { code, field, retryAfterSeconds } = entry.extensions;
  switch (code) {
    case ErrorCode.badUserInput:
      return isProfileFieldKey(field) ? { kind: 'field', field, message: entry.message } : { kind: 'input', message: entry.message };
    case ErrorCode.rateLimited: {
      const seconds = typeof retryAfterSeconds === 'number' && retryAfterSeconds >= 0 ? Math.ceil(retryAfterSeconds) : null;
      return { kind: 'rateLimited', retryAfterSeconds: seconds };
    }
    case ErrorCode.upstreamUnavailable:
      return { kind: 'unavailable' };
    case ErrorCode.unauthenticated:
      return { kind: 'unauthenticated' };
    default:
      return null;
  }
}

/** auth0-spa-js errors (from the interceptor's getTokenSilently) carry an OAuth `error` code. */
function isAuthError(error: unknown): boolean {
  const code = (error as { error?: unknown } | null)?.error;
  return typeof code === 'string' && ['login_required', 'consent_required', 'missing_refresh_token', 'invalid_grant'].includes(code);
}

/** Turns whatever Apollo reported for a query or mutation into one outcome. */
export function classifyApiError(error: unknown): ApiFailure {
  for (const entry of graphQLErrorsOf(error)) {
    const failure = fromCode(entry);
    if (failure) return failure;
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return { kind: 'unauthenticated' };
    if (error.statusCode >= 500) return { kind: 'unavailable' };
  }
  if (CombinedGraphQLErrors.is(error) || ServerError.is(error)) return { kind: 'server' };
  if (isAuthError(error)) return { kind: 'unauthenticated' };
  return { kind: 'network' };
}
