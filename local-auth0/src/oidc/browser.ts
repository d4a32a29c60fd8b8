import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { currentDemoLogins } from '../config/local-app';
import { isForeignBrowserRequest } from '../http/cross-site';
import type { Instrumentation } from '../http/instrument';
import type { Tenant } from '../tenant';
import { AuthorizePageError, AuthorizeResponseError, parseAuthorize, type AuthorizeRequest } from './authorize-request';
import { authenticateLogin, LoginRefused } from './login';
import { logoutHandler } from './logout';
import { errorPage, loginPage } from './pages';
import { sendAuthorizationResponse } from './respond';
import { currentSession, startSession, type ActiveSession } from './session';

function complete(tenant: Tenant, res: Response, ar: AuthorizeRequest, session: ActiveSession): void {
  const code = tenant.codes.issue({
    clientId: ar.client.clientId,
    redirectUri: ar.redirectUri,
    codeChallenge: ar.codeChallenge,
    userId: session.user.user_id,
    scope: ar.scope,
    audience: ar.audience,
    nonce: ar.nonce,
    authTime: session.record.authTime,
    // The ID token's sid names the session without revealing the cookie value.
    sid: createHash('sha256').update(session.id).digest('base64url').slice(0, 32),
  });
  sendAuthorizationResponse(res, ar, { code });
}

/** Parses /authorize parameters, or answers the error itself and returns undefined. */
function authorizeRequestOrAnswer(tenant: Tenant, query: string, res: Response): AuthorizeRequest | undefined {
  try {
    return parseAuthorize(tenant, query);
  } catch (e) {
    if (e instanceof AuthorizePageError) res.status(400).type('html').send(errorPage('Something went wrong', e.message));
    else if (e instanceof AuthorizeResponseError) sendAuthorizationResponse(res, e.target, { error: e.error, error_description: e.description });
    else throw e;
    return undefined;
  }
}

function showLogin(tenant: Tenant, res: Response, ar: AuthorizeRequest, status = 200, email?: string, error?: string): void {
  res.status(status).set({ 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' }).type('html');
  const demoLogins = currentDemoLogins((userId) => tenant.user(userId)?.email);
  res.send(loginPage({ query: ar.query, clientName: ar.client.name, demoLogins, email, error }));
}

/** A session answers /authorize unless the app asks for a fresh login (prompt=login, or a login older than max_age). */
function reusable(ar: AuthorizeRequest, session: ActiveSession | undefined): session is ActiveSession {
  if (!session || ar.prompt === 'login') return false;
  return ar.maxAge === undefined || Date.now() / 1000 - session.record.authTime <= ar.maxAge;
}

const queryString = (req: Request) => req.originalUrl.split('?')[1] ?? '';

/** The browser side of the tenant: /authorize, the login page, and logout. */
export function browserRouter(tenant: Tenant, inst: Instrumentation): Router {
  const router = Router();
  router.get('/authorize', ...inst.route('GET /authorize'), (req, res) => {
    const ar = authorizeRequestOrAnswer(tenant, queryString(req), res);
    if (!ar) return;
    const session = currentSession(tenant, req);
    if (reusable(ar, session)) return complete(tenant, res, ar, session);
    if (ar.prompt === 'none') return sendAuthorizationResponse(res, ar, { error: 'login_required', error_description: 'Login required' });
    showLogin(tenant, res, ar);
  });
  router.post('/login', async (req, res) => {
    // Login CSRF: only the tenant's own login page may start a session.
    if (isForeignBrowserRequest(tenant, req)) {
      res.status(403).type('html').send(errorPage('Login refused', 'This login was not sent from the login page.'));
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const ar = authorizeRequestOrAnswer(tenant, typeof body.authorize === 'string' ? body.authorize : '', res);
    if (!ar) return;
    try {
      const user = await authenticateLogin(tenant, body, req.socket.remoteAddress ?? '');
      tenant.recordLogin(user);
      complete(tenant, res, ar, startSession(tenant, res, user));
    } catch (e) {
      if (!(e instanceof LoginRefused)) throw e;
      showLogin(tenant, res, ar, e.status, typeof body.email === 'string' ? body.email : undefined, e.message);
    }
  });
  router.get('/v2/logout', logoutHandler(tenant, 'returnTo'));
  router.get('/oidc/logout', logoutHandler(tenant, 'post_logout_redirect_uri'));
  return router;
}
