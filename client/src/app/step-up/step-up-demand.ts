import { findErrorCode } from '../graphql/graphql-errors';

/** The API's answer (RFC 9470) when an operation needs a more recent sign-in than the caller's. */
const INSUFFICIENT_USER_AUTHENTICATION = 'INSUFFICIENT_USER_AUTHENTICATION';

/** The sign-in age (seconds) the API demands before it runs the operation, or null when it demands none. */
export function stepUpMaxAge(error: unknown): number | null {
  const entry = findErrorCode(error, INSUFFICIENT_USER_AUTHENTICATION);
  if (!entry) return null;
  const maxAge = entry.extensions['maxAgeSeconds'];
  return typeof maxAge === 'number' && Number.isInteger(maxAge) && maxAge >= 0 ? maxAge : 0;
}
