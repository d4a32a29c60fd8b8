import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from 'profile-shape';
import { Auth0RateLimitedError, Auth0RejectedError, Auth0UnavailableError, Auth0UserNotFoundError } from '../auth0/errors';
import { NotConfiguredError } from '../account/account.errors';
import { MailNotSentError } from '../mail/mail.errors';
import { EmailChangeExpiredError, EmailChangeInvalidError } from '../profile/email-change/email-change.errors';
import { ProfileForbiddenError, ProfileInputError } from '../profile/profile.errors';
import { UpdateRateLimitedError } from '../profile/update-rate-limit';

const MAIL_NOT_SENT_MESSAGE = 'The confirmation mail could not be sent, so nothing was changed; try again in a few minutes';

const UPSTREAM_MESSAGE = 'The identity service is not answering; try again shortly';
export const SIGN_IN_MESSAGE = 'Sign in first: send Authorization: Bearer <access token>';

function challenge(params: string): Map<string, string> {
  return new Map([['www-authenticate', `Bearer realm="profile-api", ${params}`]]);
}

/** UNAUTHENTICATED, answered with HTTP 401 and a WWW-Authenticate challenge. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.unauthenticated,
      http: { status: 401, headers: challenge('error="invalid_token"') },
    },
  });
}

/** FORBIDDEN with HTTP 403: a valid token that lacks a permission (RFC 6750 insufficient_scope). */
export function insufficientScope(missing: readonly string[]): GraphQLError {
  const scope = missing.join(' ');
  return new GraphQLError(`Your access token lacks the permission ${scope}; sign in again with the app, which requests it`, {
    extensions: {
      code: ErrorCode.forbidden,
      http: { status: 403, headers: challenge(`error="insufficient_scope", scope="${scope}"`) },
    },
  });
}

/**
 * RFC 9470 step-up challenge: HTTP 401 with `error="insufficient_user_authentication"` and the
 * `max_age` the client should send to /authorize; `extensions.maxAgeSeconds` says the same.
 */
export function insufficientUserAuthentication(maxAgeSeconds: number): GraphQLError {
  const params = `error="insufficient_user_authentication", error_description="A more recent sign-in is required", max_age=${maxAgeSeconds}`;
  return new GraphQLError(`Sign in again to do this: it needs a sign-in within the last ${maxAgeSeconds} seconds`, {
    extensions: { code: ErrorCode.insufficientUserAuthentication, maxAgeSeconds, http: { status: 401, headers: challenge(params) } },
  });
}

export function upstreamUnavailable(): GraphQLError {
  return new GraphQLError(UPSTREAM_MESSAGE, { extensions: { code: ErrorCode.upstreamUnavailable, http: { status: 503 } } });
}

type Described = { message: string; extensions: Record<string, unknown> };

/** Domain errors of the lower layers -> message and extensions shown to the client. */
function describeError(error: unknown): Described | null {
  if (error instanceof ProfileInputError) {
    return { message: error.message, extensions: { code: ErrorCode.badUserInput, field: error.field, rule: error.rule } };
  }
  if (error instanceof ProfileForbiddenError) return { message: error.message, extensions: { code: ErrorCode.forbidden, reason: error.reason } };
  if (error instanceof NotConfiguredError) return { message: error.message, extensions: { code: ErrorCode.notConfigured } };
  if (error instanceof MailNotSentError) return { message: MAIL_NOT_SENT_MESSAGE, extensions: { code: ErrorCode.mailNotSent } };
  if (error instanceof EmailChangeInvalidError) return { message: error.message, extensions: { code: ErrorCode.emailChangeInvalid } };
  if (error instanceof EmailChangeExpiredError) return { message: error.message, extensions: { code: ErrorCode.emailChangeExpired } };
  if (error instanceof Auth0UserNotFoundError) {
    return { message: 'Your account no longer exists', extensions: { code: ErrorCode.notFound } };
  }
  if (error instanceof UpdateRateLimitedError) {
    return { message: error.message, extensions: { code: ErrorCode.rateLimited, retryAfterSeconds: error.retryAfterSeconds } };
  }
  if (error instanceof Auth0RateLimitedError) {
    return {
      message: `Too many requests to the identity service; try again in ${error.retryAfterSeconds} s`,
      extensions: { code: ErrorCode.rateLimited, retryAfterSeconds: error.retryAfterSeconds },
    };
  }
  if (error instanceof Auth0UnavailableError) return { message: UPSTREAM_MESSAGE, extensions: { code: ErrorCode.upstreamUnavailable } };
  if (error instanceof Auth0RejectedError) return { message: 'Internal server error', extensions: { code: ErrorCode.internal } };
  return null;
}

function httpStatusOf(error: GraphQLError): number | undefined {
  const http = error.extensions.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/** Apollo's own refusals of a malformed request (a persisted-query hash that does not match) carry HTTP 400 but no code. */
function isUncodedClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = httpStatusOf(error);
  return status !== undefined && status >= 400 && status < 500;
}

/** The `extensions.code` the client sees for `error` (undefined: an unexpected error). */
export function errorCodeOf(error: unknown): string | undefined {
  const described = describeError(unwrapResolverError(error));
  if (described) return String(described.extensions.code);
  if (isUncodedClientError(error)) return ErrorCode.badRequest;
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Apollo `formatError`: typed errors get their code; anything unexpected is masked outside development. */
export function createFormatError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const described = describeError(unwrapResolverError(error));
    if (described) return { ...formatted, ...described };
    if (isUncodedClientError(error)) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.badRequest } };
    if (formatted.extensions?.code === ErrorCode.internal && !exposeDetails) {
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.internal } };
    }
    return formatted;
  };
}
