import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** One GraphQL error as the app reads it: the message and its extensions (code, field…). */
export interface GraphQLErrorEntry {
  message: string;
  extensions: Record<string, unknown>;
}

function toEntries(errors: unknown): GraphQLErrorEntry[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((error: { message?: unknown; extensions?: unknown }) => ({
    message: typeof error.message === 'string' ? error.message : '',
    extensions: typeof error.extensions === 'object' && error.extensions !== null
      ? (error.extensions as Record<string, unknown>) : {},
  }));
}

/** GraphQL errors, whether they came with HTTP 200 or inside a non-2xx body (401 etc.). */
export function graphQLErrorsOf(error: unknown): GraphQLErrorEntry[] {
  if (CombinedGraphQLErrors.is(error)) return toEntries(error.errors);
  if (ServerError.is(error)) {
    try {
      return toEntries((JSON.parse(error.bodyText) as { errors?: unknown }).errors);
    } catch {
      return [];
    }
  }
  return [];
}

/** The first error with this `extensions.code`, or null. */
export function findErrorCode(error: unknown, code: string): GraphQLErrorEntry | null {
  return graphQLErrorsOf(error).find((entry) => entry.extensions['code'] === code) ?? null;
}
