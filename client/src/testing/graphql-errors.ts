import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** What Apollo raises for GraphQL errors in a 200 answer. Test data only. */
export function graphQLError(message: string, extensions: Record<string, unknown>): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });
}

/** What apollo-angular's HttpLink raises for a non-2xx answer. Test data only. */
export function serverError(status: number, body: unknown): ServerError {
  const response = { status, ok: false, headers: new Headers(), url: '', statusText: '' } as unknown as Response;
  return new ServerError(`Response not successful: Received status code ${status}`, {
    response,
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
