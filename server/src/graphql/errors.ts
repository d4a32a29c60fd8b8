import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Auth0RateLimitedError, Auth0RejectedError, Auth0UnavailableError, Auth0UserNotFoundError } from '../auth0/errors';
import { ProfileForbiddenError, ProfileInputError } from '../profile/profile.errors';
import { UpdateRateLimitedError } from '../profile/update-rate-limit';

/** The stable `extensions.code` values clients rely on. */
export const ErrorCode = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  badUserInput: 'BAD_USER_INPUT',
  rateLimited: 'RATE_LIMITED',
  upstreamUnavailable: 'UPSTREAM_UNAVAILABLE',
  notFound: 'NOT_FOUND',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

const UPSTREAM_MESSAGE = 'The identity service is not answering; try again shortly';

/** UNAUTHENTICATED, answered with HTTP 401 and a WWW-Authenticate challenge. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.unauthenticated,
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="profile-api", error="invalid_token"']]) },
    },
  });
}

export function upstreamUnavailable(): GraphQLError {
  return new GraphQLError(UPSTREAM_MESSAGE, { extensions: { code: ErrorCode.upstreamUnavailable, http: { status: 503 } } });
}

type Described = { message: string; extensions: Record<string, unknown> };

/** Domain errors of the lower layers -> message and extensions shown to the client. */
export function describeError(error: unknown): Described | null {
  if (error instanceof ProfileInputError) {
    return { message: error.message, extensions: { code: ErrorCode.badUserInput, field: error.field, rule: error.rule } };
  }
  if (error instanceof ProfileForbiddenError) return { message: error.message, extensions: { code: ErrorCode.forbidden } };
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

/** Apollo `formatError`: typed errors get their code; anything unexpected is masked outside development. */
export function createFormatError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const described = describeError(unwrapResolverError(error));
    if (described) return { ...formatted, ...described };
    if (formatted.extensions?.code === ErrorCode.internal && !exposeDetails) {
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.internal } };
    }
    return formatted;
  };
}
