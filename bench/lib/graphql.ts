// The operations the bench sends; the same `me` document goes to every server so the
// baseline answers exactly the query our API does.
export const ME_QUERY = `query Me {
  me { id email emailVerified firstName lastName picture connection canChangeEmail updatedAt }
}`;

export const UPDATE_PROFILE = `mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) { id firstName lastName updatedAt }
}`;

export const meBody = JSON.stringify({ operationName: 'Me', query: ME_QUERY });

export function updateBody(firstName: string): string {
  return JSON.stringify({ operationName: 'UpdateProfile', query: UPDATE_PROFILE, variables: { input: { firstName } } });
}

/** True when a GraphQL response carries data and no errors. */
export function isCleanResponse(body: string): boolean {
  return body.startsWith('{"data"') && !body.includes('"errors"');
}
