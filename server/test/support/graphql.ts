import { appOperation } from 'test-support';

export interface GraphQLResult {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

export async function gql(apiUrl: string, query: string, options: { variables?: object; token?: string; headers?: Record<string, string> } = {}): Promise<GraphQLResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResult['body'] };
}

/** The app's own `Me` and `UpdateProfile` operations, read from its committed document. */
export const ME = appOperation('Me');
export const UPDATE = appOperation('UpdateProfile');

export function errorCode(result: GraphQLResult): unknown {
  return result.body.errors?.[0]?.extensions?.code;
}
