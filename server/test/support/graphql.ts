export interface GraphQLResult {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

export const PROFILE_FIELDS = 'id email emailVerified firstName lastName picture connection canChangeEmail updatedAt';

export async function gql(apiUrl: string, query: string, options: { variables?: object; token?: string; headers?: Record<string, string> } = {}): Promise<GraphQLResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResult['body'] };
}

export const ME = `query Me { me { ${PROFILE_FIELDS} } }`;
export const UPDATE = `mutation Update($input: UpdateProfileInput!) { updateProfile(input: $input) { ${PROFILE_FIELDS} } }`;

export function errorCode(result: GraphQLResult): unknown {
  return result.body.errors?.[0]?.extensions?.code;
}
