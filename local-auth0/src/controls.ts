import { Router, type Request, type RequestHandler } from 'express';
import { ManagementApiError } from './http/errors';
import { ROUTE_KEYS, type Fault, type Instrumentation, type RouteKey } from './http/instrument';
import { isForeignBrowserRequest } from './http/cross-site';
import { loopbackOnly } from './http/loopback';
import type { TokenBucket } from './http/rate-limit';
import { rotateKeyRing } from './keys';
import { userControlsRouter } from './management/user-controls';
import { initialState } from './state/initial';
import type { Tenant } from './tenant';
import { postLoginActionClaims } from './oidc/post-login-action';
import { signAccessToken } from './tokens';
import { LOCAL_APP } from './config/local-app';

const badRequest = (message: string) => new ManagementApiError(400, message, 'invalid_body');

type Body = Record<string, unknown>;
const bodyOf = (req: Request): Body => (typeof req.body === 'object' && req.body !== null ? req.body : {});

function optionalNumber(body: Body, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(`"${key}" must be an integer from ${min} to ${max}`);
  }
  return value;
}

function parseFault(body: Body): { route: RouteKey; fault: Fault } {
  const route = body.route as RouteKey;
  if (!ROUTE_KEYS.includes(route)) throw badRequest(`"route" must be one of: ${ROUTE_KEYS.join(', ')}`);
  const fault: Fault = { times: optionalNumber(body, 'times', 1) ?? 1, status: optionalNumber(body, 'status', 100, 599), delayMs: optionalNumber(body, 'delayMs', 0, 600_000) };
  if (body.body !== undefined) {
    if (body.body !== 'broken' && (typeof body.body !== 'object' || body.body === null)) throw badRequest('"body" must be "broken" or an object');
    fault.body = body.body as Fault['body'];
  }
  if (body.headers !== undefined) {
    const headers = body.headers;
    if (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string')) {
      throw badRequest('"headers" must be an object of strings');
    }
    fault.headers = headers as Record<string, string>;
  }
  return { route, fault };
}

/** `authTime`: epoch seconds of the sign-in; absent = now (a login just happened); null = no sign-in claim. */
function mintedAuthTime(body: Body): number | undefined {
  if (body.authTime === null) return undefined;
  if (body.authTime === undefined) return Math.floor(Date.now() / 1000);
  return optionalNumber(body, 'authTime', 0);
}

async function mintUserToken(tenant: Tenant, body: Body) {
  const str = (key: string) => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined);
  const email = str('email');
  const userId = str('userId');
  const user = userId ? tenant.user(userId) : email ? tenant.userByEmail(email) : undefined;
  if (userId && !user) throw new ManagementApiError(404, `No user with id ${userId}`, 'inexistent_user');
  if (email && !user) throw new ManagementApiError(404, `No user with email ${email}`, 'inexistent_user');
  const sub = str('sub') ?? user?.user_id ?? tenant.state.users[0]?.user_id;
  if (!sub) throw badRequest('"userId", "email" or "sub" is required');
  const expiresIn = body.expiresIn === undefined ? 3600 : body.expiresIn;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn)) throw badRequest('"expiresIn" must be a number of seconds');
  const audience = tenant.canonicalAudience(str('audience') ?? LOCAL_APP.apiAudience);
  // What the app requests (see client/src/app/app.config.ts): the API's two permissions included.
  const scope = str('scope') ?? 'openid profile email read:profile update:profile';
  const clientId = str('clientId') ?? LOCAL_APP.spaClientId;
  const extra = postLoginActionClaims(tenant, audience, mintedAuthTime(body));
  const accessToken = await signAccessToken(tenant, { sub, clientId, audience, scope, expiresIn: Math.trunc(expiresIn), extra });
  return { access_token: accessToken, token_type: 'Bearer', expires_in: Math.trunc(expiresIn) };
}

const forbidden = (message: string) => new ManagementApiError(403, message, 'forbidden');

/**
 * A web page the developer happens to open must not drive the controls: no request from a
 * browser page, and bodies only as JSON (which no cross-site simple request can send).
 */
function notFromWebPages(tenant: Tenant): RequestHandler {
  return (req, _res, next) => {
    if (isForeignBrowserRequest(tenant, req)) throw forbidden('Test controls refuse requests from web pages.');
    if (req.method !== 'GET' && req.method !== 'DELETE' && !req.is('application/json')) {
      throw new ManagementApiError(415, 'Test controls take JSON bodies only (content-type: application/json).', 'unsupported_media_type');
    }
    next();
  };
}

export interface ControlDeps { tenant: Tenant; inst: Instrumentation; bucket: TokenBucket }

/** `/__local`: test controls (faults, counts, reset, key rotation, user tokens), loopback only. */
export function controlsRouter({ tenant, inst, bucket }: ControlDeps): Router {
  const router = Router();
  router.use(loopbackOnly, notFromWebPages(tenant));
  router.post('/faults', (req, res) => {
    const { route, fault } = parseFault(bodyOf(req));
    inst.addFault(route, fault);
    res.status(204).end();
  });
  router.get('/counts', (_req, res) => {
    res.json(inst.snapshot());
  });
  router.delete('/counts', (_req, res) => {
    inst.resetCounts();
    res.status(204).end();
  });
  router.post('/reset', async (_req, res) => {
    tenant.store.replace(await initialState(tenant.seed, tenant.state.keys));
    tenant.codes.clear();
    tenant.bruteForce.clear();
    tenant.resetTickets.clear();
    tenant.changePasswordLimit.clear();
    inst.clearFaults();
    inst.resetCounts();
    bucket.reset();
    res.status(204).end();
  });
  router.post('/rotate-keys', async (_req, res) => {
    tenant.state.keys = await rotateKeyRing(tenant.state.keys);
    tenant.store.save();
    const { previous, current, next } = tenant.state.keys;
    res.json({ previous: previous?.kid, current: current.kid, next: next.kid });
  });
  router.post('/tokens', async (req, res) => {
    res.json(await mintUserToken(tenant, bodyOf(req)));
  });
  router.use(userControlsRouter(tenant));
  return router;
}
