/** The token is missing, malformed, expired, not ours or not signed by the tenant. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** The tenant's key set could not be fetched, so no token can be checked right now. */
export class KeySetUnavailableError extends Error {
  override readonly name = 'KeySetUnavailableError';
}
