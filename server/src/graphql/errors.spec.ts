import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Auth0RateLimitedError, Auth0RejectedError, Auth0UnavailableError, Auth0UserNotFoundError } from '../auth0/errors';
import { ProfileForbiddenError, ProfileInputError } from '../profile/profile.errors';
import { UpdateRateLimitedError } from '../profile/update-rate-limit';
import { createFormatError, errorCodeOf } from './errors';

const internal = (message: string): GraphQLFormattedError => ({
  message,
  locations: [{ line: 1, column: 3 }],
  path: ['me'],
  extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: secret detail', '    at somewhere.ts:1'] },
});

describe('formatError in production', () => {
  const format = createFormatError(false);

  it('hides the message and stack of an unexpected error, keeping where it happened', () => {
    expect(format(internal('connect ECONNREFUSED 10.0.0.7:5432'), new Error('connect ECONNREFUSED 10.0.0.7:5432'))).toEqual({
      message: 'Internal server error',
      locations: [{ line: 1, column: 3 }],
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('leaves an error with a client code as it is', () => {
    const validation: GraphQLFormattedError = { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(format(validation, new GraphQLError(validation.message))).toEqual(validation);
  });

  it("gives Apollo's uncoded 4xx refusal the code BAD_REQUEST and keeps its message", () => {
    const refusal = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(format(internal('provided sha does not match query'), refusal)).toMatchObject({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('leaves an error without extensions as it is', () => {
    expect(format({ message: 'odd' }, new Error('odd'))).toEqual({ message: 'odd' });
  });

  it('still shows the message of a typed error', () => {
    const formatted = format(internal('ignored'), new ProfileInputError('firstName', 'First name must be at most 150 characters.', 'tooLong'));
    expect(formatted).toMatchObject({ message: 'First name must be at most 150 characters.', extensions: { code: 'BAD_USER_INPUT', field: 'firstName', rule: 'tooLong' } });
  });
});

describe('formatError in development', () => {
  it('still hides what Auth0 said when it refused the call', () => {
    const formatted = createFormatError(true)(internal('The Management API rejected the call (400 invalid_body)'), new Auth0RejectedError(400, 'invalid_body'));
    expect(formatted).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('shows the message and stack of an unexpected error', () => {
    const formatted = internal('connect ECONNREFUSED 10.0.0.7:5432');
    expect(createFormatError(true)(formatted, new Error('connect ECONNREFUSED 10.0.0.7:5432'))).toEqual(formatted);
  });
});

describe('the code and message a client sees', () => {
  const format = createFormatError(false);
  const shown = (error: unknown) => {
    const formatted = format(internal('raw'), error);
    return { message: formatted.message, ...formatted.extensions };
  };

  it.each<[string, unknown, Record<string, unknown>]>([
    ['a rule broken', new ProfileInputError('email', 'Email must be an address like name@example.com.', 'emailShape'), { message: 'Email must be an address like name@example.com.', code: 'BAD_USER_INPUT', field: 'email', rule: 'emailShape' }],
    ['a forbidden change', new ProfileForbiddenError('Email is managed by google-oauth2', 'emailManagedByProvider'), { message: 'Email is managed by google-oauth2', code: 'FORBIDDEN', reason: 'emailManagedByProvider' }],
    ['a blocked user', new ProfileForbiddenError('This account is blocked', 'blocked'), { message: 'This account is blocked', code: 'FORBIDDEN', reason: 'blocked' }],
    ['a deleted user', new Auth0UserNotFoundError(), { message: 'Your account no longer exists', code: 'NOT_FOUND' }],
    [
      'Auth0 rate limiting',
      new Auth0RateLimitedError(7),
      { message: 'Too many requests to the identity service; try again in 7 s', code: 'RATE_LIMITED', retryAfterSeconds: 7 },
    ],
    [
      'the per-user update limit',
      new UpdateRateLimitedError(42),
      { message: new UpdateRateLimitedError(42).message, code: 'RATE_LIMITED', retryAfterSeconds: 42 },
    ],
    ['Auth0 down', new Auth0UnavailableError('status', 503), { message: 'The identity service is not answering; try again shortly', code: 'UPSTREAM_UNAVAILABLE' }],
    ['Auth0 refusing the call', new Auth0RejectedError(400, 'invalid_body'), { message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' }],
  ])('%s', (_label, error, expected) => {
    expect(shown(error)).toEqual(expected);
  });
});

describe('errorCodeOf', () => {
  it('names the code of a typed error, also when a resolver wrapped it', () => {
    const wrapped = new GraphQLError('wrapped', { path: ['me'], originalError: new Auth0UnavailableError('timeout') });
    expect(errorCodeOf(wrapped)).toBe('UPSTREAM_UNAVAILABLE');
  });

  it("calls Apollo's uncoded 4xx refusals BAD_REQUEST, and leaves uncoded 5xx ones unexpected", () => {
    expect(errorCodeOf(new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } }))).toBe('BAD_REQUEST');
    expect(errorCodeOf(new GraphQLError('boom', { extensions: { http: { status: 500 } } }))).toBeUndefined();
    expect(errorCodeOf(new GraphQLError('odd', { extensions: { http: { status: 499 } } }))).toBe('BAD_REQUEST');
    expect(errorCodeOf(new GraphQLError('odd', { extensions: { http: { status: 399 } } }))).toBeUndefined();
    expect(errorCodeOf(new GraphQLError('odd', { extensions: { http: {} } }))).toBeUndefined();
    expect(errorCodeOf(new GraphQLError('boom'))).toBeUndefined();
    expect(errorCodeOf(new Error('boom'))).toBeUndefined();
  });

  it('keeps a code already given', () => {
    expect(errorCodeOf(new GraphQLError('no', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } }))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
