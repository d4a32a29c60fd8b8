import { Router, type Request } from 'express';
import { OAuthError } from '../http/errors';
import type { Instrumentation } from '../http/instrument';
import type { Tenant } from '../tenant';
import { authenticateClient } from './clients';
import { authorizationCodeGrant } from './grants/authorization-code';
import type { Grant } from './grants/grant';
import { clientCredentialsGrant } from './grants/client-credentials';
import { passwordGrant } from './grants/password';
import { refreshTokenGrant } from './grants/refresh-token';
import { revokeRefreshToken } from './refresh-tokens';


const GRANTS: Record<string, Grant> = {
  client_credentials: clientCredentialsGrant,
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  password: passwordGrant,
  'http://auth0.com/oauth/grant-type/password-realm': passwordGrant,
};

export const GRANT_TYPES = Object.keys(GRANTS);

function bodyOf(req: Request): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
}

/** `/oauth/token` (form or JSON) and `/oauth/revoke`. */
export function tokenRouter(tenant: Tenant, inst: Instrumentation): Router {
  const router = Router();
  router.post('/oauth/token', ...inst.route('POST /oauth/token'), async (req, res) => {
    const body = bodyOf(req);
    const grantType = body.grant_type;
    if (typeof grantType !== 'string' || grantType === '') throw new OAuthError(400, 'invalid_request', 'Missing required parameter: grant_type');
    const grant = GRANTS[grantType];
    if (!grant) throw new OAuthError(403, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
    const client = authenticateClient(tenant, req, body);
    const result = await grant(tenant, client, body, { ip: req.socket.remoteAddress ?? '' });
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(result);
  });
  router.post('/oauth/revoke', (req, res) => {
    const body = bodyOf(req);
    const client = authenticateClient(tenant, req, body);
    if (typeof body.token !== 'string') throw new OAuthError(400, 'invalid_request', 'Missing required parameter: token');
    revokeRefreshToken(tenant, client.clientId, body.token);
    res.status(200).end();
  });
  return router;
}
