import type { RequestHandler } from 'express';
import type { Tenant } from '../tenant';

/** CORS for the endpoints a SPA calls from the browser, open only to the clients' web origins. */
export function corsForWebOrigins(tenant: Tenant): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && tenant.seed.clients.some((c) => c.webOrigins.includes(origin));
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', 'dpop-nonce');
    }
    res.vary('Origin');
    if (req.method !== 'OPTIONS') return next();
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      const requested = req.headers['access-control-request-headers'];
      if (requested) res.setHeader('Access-Control-Allow-Headers', requested);
      res.setHeader('Access-Control-Max-Age', '86400');
    }
    res.status(204).end();
  };
}
