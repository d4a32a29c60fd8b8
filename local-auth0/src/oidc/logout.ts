import type { RequestHandler } from 'express';
import type { Tenant } from '../tenant';
import { errorPage, loggedOutPage } from './pages';
import { endSession } from './session';

const normalise = (url: string) => url.replace(/\/+$/, '');

/** `/v2/logout` (`returnTo`) and `/oidc/logout` (`post_logout_redirect_uri`): end the session, then go back if allowed. */
export function logoutHandler(tenant: Tenant, returnParam: 'returnTo' | 'post_logout_redirect_uri'): RequestHandler {
  return (req, res) => {
    endSession(tenant, req, res);
    const returnTo = typeof req.query[returnParam] === 'string' ? (req.query[returnParam] as string) : undefined;
    if (!returnTo) {
      res.type('html').send(loggedOutPage());
      return;
    }
    const client = tenant.client(req.query.client_id);
    const allowed = (client ? [client] : tenant.seed.clients).flatMap((c) => c.allowedLogoutUrls).map(normalise);
    if (!allowed.includes(normalise(returnTo))) {
      res.status(400).type('html').send(errorPage('Invalid logout URL', `"${returnTo}" is not in the list of Allowed Logout URLs.`));
      return;
    }
    const target = new URL(returnTo);
    if (returnParam === 'post_logout_redirect_uri' && typeof req.query.state === 'string') target.searchParams.set('state', req.query.state);
    res.redirect(302, returnParam === 'returnTo' ? returnTo : target.toString());
  };
}
