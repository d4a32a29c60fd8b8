/**
 * The stable `extensions.code` values of the API's GraphQL errors: the server sends them, the app
 * reads them. Declared once here, where both import from.
 */
export const ErrorCode = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  badUserInput: 'BAD_USER_INPUT',
  rateLimited: 'RATE_LIMITED',
  upstreamUnavailable: 'UPSTREAM_UNAVAILABLE',
  notFound: 'NOT_FOUND',
  internal: 'INTERNAL_SERVER_ERROR',
  badRequest: 'BAD_REQUEST',
  insufficientUserAuthentication: 'INSUFFICIENT_USER_AUTHENTICATION',
  notConfigured: 'NOT_CONFIGURED',
  mailNotSent: 'MAIL_NOT_SENT',
  emailChangeInvalid: 'EMAIL_CHANGE_INVALID',
  emailChangeExpired: 'EMAIL_CHANGE_EXPIRED',
} as const;
