/** A feature the server was not configured for (the message names the setting). */
export class NotConfiguredError extends Error {
  override readonly name = 'NotConfiguredError';
}
