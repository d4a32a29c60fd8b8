import { classifyApiError, SESSION_ENDED } from '../graphql/api-failure';

/** A failed read (the profile, or an account action that fetched nothing), worded for the page. */
export function loadErrorMessage(error: unknown): string {
  const failure = classifyApiError(error);
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
      return SESSION_ENDED;
    default:
      return 'Your profile could not be loaded. Try again.';
  }
}
