import type { AuthChecker } from 'type-graphql';
import { missingPermissions } from '../auth/permissions';
import type { GraphQLContext } from './context';
import { insufficientScope, SIGN_IN_MESSAGE, unauthenticated } from './errors';

/**
 * type-graphql's check for `@Authorized(permission)`: it runs before the resolver, so a caller
 * without the permission costs no upstream call. No token: 401; a token without it: 403.
 */
export const authChecker: AuthChecker<GraphQLContext> = ({ context }, required) => {
  if (!context.caller) throw unauthenticated(SIGN_IN_MESSAGE);
  const missing = missingPermissions(context.caller, required);
  if (missing.length > 0) throw insufficientScope(missing);
  return true;
};
