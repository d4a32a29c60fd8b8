import { ErrorCode } from 'profile-shape';
import { findErrorCode } from '../graphql/graphql-errors';

/** The sign-in age (seconds) the API demands before it runs the operation, or null when it demands none. */
export function stepUpMaxAge(error: unknown): number | null {
  const entry = findErrorCode(error, ErrorCode.insufficientUserAuthentication);
  if (!entry) return null;
  const maxAge = entry.extensions['maxAgeSeconds'];
  return typeof maxAge === 'number' && Number.isInteger(maxAge) && maxAge >= 0 ? maxAge : 0;
}
