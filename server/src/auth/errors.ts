/** The token is missing, malformed, expired, not ours or not signed by the tenant. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  /** RFC 6750 error code for the WWW-Authenticate header. */
  readonly code = 'invalid_token';
}

/** The tenant's key set could not be fetched, so no token can be checked right now. */
export class KeySetUnavailableError extends Error {
  override readonly name = 'KeySetUnavailableError';
}
