import { graphQLError, serverError } from '../../testing/graphql-errors';
import { describeSaveError } from './save-error';

describe('describeSaveError', () => {
  it('puts BAD_USER_INPUT on the field the server names', () => {
    const error = graphQLError('That email address is already in use.', { code: 'BAD_USER_INPUT', field: 'email' });
    expect(describeSaveError(error)).toEqual({
      kind: 'field',
      field: 'email',
      message: 'That email address is already in use.',
    });
  });

  it('keeps BAD_USER_INPUT without a known field as a form-level message', () => {
    const error = graphQLError('Nothing to change.', { code: 'BAD_USER_INPUT' });
    expect(describeSaveError(error)).toEqual({ kind: 'other', message: 'Nothing to change.' });
  });

  it('says when to retry after RATE_LIMITED, rounding up', () => {
    const failure = describeSaveError(graphQLError('Slow down', { code: 'RATE_LIMITED', retryAfterSeconds: 1.2 }));
    expect(failure).toMatchObject({ kind: 'rateLimited', retryAfterSeconds: 2 });
    expect(failure.message).toContain('Try again in 2 seconds.');
    expect(failure.message).toContain('Your changes are still here.');
  });

  it('still explains RATE_LIMITED when no retry time came with it', () => {
    const failure = describeSaveError(graphQLError('Slow down', { code: 'RATE_LIMITED' }));
    expect(failure).toMatchObject({ kind: 'rateLimited', retryAfterSeconds: null });
    expect(failure.message).toContain('Wait a moment');
  });

  it('reports UPSTREAM_UNAVAILABLE as the account service being down', () => {
    const failure = describeSaveError(graphQLError('Auth0 is down', { code: 'UPSTREAM_UNAVAILABLE' }));
    expect(failure.kind).toBe('unavailable');
    expect(failure.message).toContain('Your changes are still here');
    expect(failure.message).not.toContain('Auth0 is down');
  });

  it('reads the GraphQL error inside a 401 body as an ended session', () => {
    const error = serverError(401, { errors: [{ message: 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(describeSaveError(error).kind).toBe('unauthenticated');
  });

  it('maps a bare 5xx to unavailable and an unreadable 4xx to a generic server error', () => {
    expect(describeSaveError(serverError(502, '<html>Bad gateway</html>')).kind).toBe('unavailable');
    expect(describeSaveError(serverError(400, 'not json')).kind).toBe('other');
  });

  it('treats anything else as a network failure', () => {
    const failure = describeSaveError(new Error('Http failure response for http://localhost:4000/graphql: 0 Unknown Error'));
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/Could not reach the server.*still here/);
  });

  it('recognises an Auth0 token error from the interceptor as an ended session', () => {
    const error = Object.assign(new Error('Login required'), { error: 'login_required' });
    expect(describeSaveError(error).kind).toBe('unauthenticated');
  });
});
