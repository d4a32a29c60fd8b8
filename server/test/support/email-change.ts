import { gql, type GraphQLResult } from './graphql';

/** The email-change operations, written here until the app's documents carry them (the fields the app reads). */
const REQUEST_EMAIL_CHANGE = 'mutation RequestEmailChange($email: String!) { requestEmailChange(email: $email) { email expiresAt } }';
const CONFIRM_EMAIL_CHANGE =
  'mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) { id email emailVerified pendingEmailChange { email expiresAt } } }';
export const CANCEL_EMAIL_CHANGE = 'mutation CancelEmailChange { cancelEmailChange { email pendingEmailChange { email expiresAt } } }';
export const PENDING_EMAIL_CHANGE = 'query Pending { me { email emailVerified emailChangeMode pendingEmailChange { email expiresAt } } }';

/** The app's confirmation route; the mailed link starts with it. */
export const CONFIRM_LINK_PREFIX = 'http://localhost:4200/profile/confirm-email?token=';

export function requestEmailChange(apiUrl: string, token: string, email: string): Promise<GraphQLResult> {
  return gql(apiUrl, REQUEST_EMAIL_CHANGE, { token, variables: { email } });
}

export function confirmEmailChange(apiUrl: string, token: string, linkToken: string): Promise<GraphQLResult> {
  return gql(apiUrl, CONFIRM_EMAIL_CHANGE, { token, variables: { token: linkToken } });
}

/** The token of a confirmation link. */
export function tokenOfLink(link: string): string {
  return new URL(link).searchParams.get('token') ?? '';
}
