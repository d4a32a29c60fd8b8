// The operations the bench sends: the app's own, read from its committed document. The same
// `me` document goes to every server so the baseline answers exactly the query our API does.
import { appOperation } from 'test-support';

const ME_QUERY = appOperation('Me');
const UPDATE_PROFILE = appOperation('UpdateProfile');

export const meBody = JSON.stringify({ operationName: 'Me', query: ME_QUERY });

export function updateBody(firstName: string): string {
  return JSON.stringify({ operationName: 'UpdateProfile', query: UPDATE_PROFILE, variables: { input: { firstName } } });
}

/** True when a GraphQL response carries data and no errors. */
export function isCleanResponse(body: string): boolean {
  return body.startsWith('{"data"') && !body.includes('"errors"');
}
