import type { RequestHandler } from 'express';
import { ManagementApiError } from '../http/errors';
import { revokeUserRefreshTokens } from '../oidc/refresh-tokens';
import type { Tenant } from '../tenant';
import { authenticate, requireAnyScope } from './auth';

/** Removes the user with their sessions and refresh tokens; false when there is no such user. */
function deleteUser(tenant: Tenant, userId: string): boolean {
  const index = tenant.state.users.findIndex((user) => user.user_id === userId);
  if (index < 0) return false;
  tenant.state.users.splice(index, 1);
  for (const [id, session] of Object.entries(tenant.state.sessions)) if (session.userId === userId) delete tenant.state.sessions[id];
  revokeUserRefreshTokens(tenant, userId);
  tenant.resetTickets.forgetUser(userId);
  return true;
}

/** `DELETE /api/v2/users/{id}`: 204 with no body; `delete:users`, or `delete:current_user` on one's own id. */
export function deleteUserHandler(tenant: Tenant): RequestHandler<{ id: string }> {
  return async (req, res) => {
    requireAnyScope(await authenticate(tenant, req), ['delete:users', 'delete:current_user'], req.params.id);
    if (!deleteUser(tenant, req.params.id)) throw new ManagementApiError(404, 'The user does not exist.', 'inexistent_user');
    res.status(204).end();
  };
}
