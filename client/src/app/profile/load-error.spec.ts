import { graphQLError } from '../../testing/graphql-errors';
import { loadErrorMessage } from './load-error';

describe('loadErrorMessage', () => {
  it('words failures for a profile that could not be loaded', () => {
    expect(loadErrorMessage(new Error('offline'))).toBe('Could not reach the server. Check your connection and try again.');
    expect(loadErrorMessage(graphQLError('x', { code: 'RATE_LIMITED', retryAfterSeconds: 3 }))).toBe(
      'Too many requests just now. Try again in 3 seconds.',
    );
    expect(loadErrorMessage(graphQLError('x', { code: 'NOT_FOUND' }))).toBe('Your profile could not be loaded. Try again.');
  });
});
