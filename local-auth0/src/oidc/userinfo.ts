import { Router, type RequestHandler } from 'express';
import type { Instrumentation } from '../http/instrument';
import type { TokenIssuer, UserLookup } from '../tenant-parts';
import { profileClaims, verifyOwnToken } from '../tokens';

function userinfo(tenant: TokenIssuer & UserLookup): RequestHandler {
  return async (req, res) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const claims = token ? await verifyOwnToken(tenant, token, `${tenant.issuer}userinfo`).catch(() => undefined) : undefined;
    const user = typeof claims?.sub === 'string' ? tenant.user(claims.sub) : undefined;
    if (!claims || !user) {
      res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token", error_description="Invalid token"').type('text/plain').send('Unauthorized');
      return;
    }
    res.json(profileClaims(user, typeof claims.scope === 'string' ? claims.scope : ''));
  };
}

/** `/userinfo`: the profile claims the access token's scopes allow. */
export function userinfoRouter(tenant: TokenIssuer & UserLookup, inst: Instrumentation): Router {
  const router = Router();
  router.get('/userinfo', ...inst.route('GET /userinfo'), userinfo(tenant));
  router.post('/userinfo', ...inst.route('GET /userinfo'), userinfo(tenant));
  return router;
}
