import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { ADA, API, GRACE, json, SPA, useTenant } from './helpers';
import { ADA_LOGIN, authorizeQuery, codeForAda, exchangeCode, form, login, pkce } from './oidc-helpers';

const tenant = useTenant({ reset: 'none' });

interface Tokens { access_token: string; id_token?: string; refresh_token?: string; scope: string; expires_in: number; token_type: string }

describe('authorization code flow with PKCE', () => {
  it('shows a login page with labelled email and password fields and a Google button', async () => {
    const res = await fetch(`${tenant.url}/authorize?${authorizeQuery(pkce().challenge)}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<label for="email">');
    expect(html).toContain('<label for="password">');
    expect(html).toMatch(/<button type="submit">Continue<\/button>/);
    expect(html).toMatch(/<button id="google"[^>]*>Continue with Google \(simulated\)<\/button>/);
  });

  it('redirects to the callback with a code and the state after a correct login', async () => {
    const { location, code, cookie } = await codeForAda(tenant);
    expect(location?.origin).toBe(SPA);
    expect(location?.searchParams.get('state')).toBe('state-123');
    expect(code).toBeTruthy();
    expect(cookie).toMatch(/^local_auth0_session=/);
  });

  it('answers a wrong password with the login page and an error message', async () => {
    const { response } = await login(tenant, authorizeQuery(pkce().challenge), { email: 'ada@example.com', password: 'nope' });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('<p id="error" role="alert">Wrong email or password.</p>');
  });

  it('exchanges the code for tokens Auth0 would mint (access token, ID token, refresh token)', async () => {
    const { code, verifier } = await codeForAda(tenant);
    const res = await exchangeCode(tenant, code, verifier);
    expect(res.status).toBe(200);
    const tokens = await json<Tokens>(res);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 86400, scope: 'openid profile email offline_access' });
    const jwks = createRemoteJWKSet(new URL(`${tenant.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: tenant.issuer, audience: API });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({ sub: ADA, aud: [API, `${tenant.issuer}userinfo`], azp: 'local-spa', scope: 'openid profile email offline_access' });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('issues an ID token that passes the SPA SDK checks', async () => {
    const { code, verifier } = await codeForAda(tenant);
    const { id_token } = await json<Tokens>(await exchangeCode(tenant, code, verifier));
    const jwks = createRemoteJWKSet(new URL(`${tenant.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(id_token!, jwks, { issuer: tenant.issuer, audience: 'local-spa' });
    expect(decodeProtectedHeader(id_token!).alg).toBe('RS256');
    expect(payload).toMatchObject({ sub: ADA, aud: 'local-spa', nonce: 'nonce-456', email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' });
    expect(typeof payload.iat).toBe('number');
    expect(payload.exp).toBeGreaterThan(Date.now() / 1000);
  });

  it('refuses a code used twice', async () => {
    const { code, verifier } = await codeForAda(tenant);
    expect((await exchangeCode(tenant, code, verifier)).status).toBe(200);
    const again = await exchangeCode(tenant, code, verifier);
    expect(again.status).toBe(403);
    expect(await json(again)).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });
  });

  it('refuses a wrong code verifier', async () => {
    const { code } = await codeForAda(tenant);
    const res = await exchangeCode(tenant, code, pkce().verifier);
    expect(res.status).toBe(403);
    expect(await json(res)).toEqual({ error: 'invalid_grant', error_description: 'Failed to verify code verifier' });
  });

  it('refuses a redirect URI at the token endpoint that differs from the authorize one', async () => {
    const { code, verifier } = await codeForAda(tenant);
    const res = await exchangeCode(tenant, code, verifier, 'http://localhost:4200/other');
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unregistered redirect URI at /authorize without redirecting', async () => {
    const res = await fetch(`${tenant.url}/authorize?${authorizeQuery(pkce().challenge, { redirect_uri: 'http://evil.example' })}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Callback URL mismatch');
  });

  it('requires PKCE with S256', async () => {
    const res = await fetch(`${tenant.url}/authorize?${authorizeQuery('x', { code_challenge_method: 'plain' })}`, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('signs grace in with the simulated Google button', async () => {
    const { verifier, challenge } = pkce();
    const { code } = await login(tenant, authorizeQuery(challenge), { connection: 'google-oauth2' });
    const tokens = await json<Tokens>(await exchangeCode(tenant, code!, verifier));
    expect(decodeJwt(tokens.access_token).sub).toBe(GRACE);
  });
});

describe('refresh tokens', () => {
  const refresh = (token: string) => fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'refresh_token', client_id: 'local-spa', refresh_token: token }));

  it('rotates: each exchange returns new tokens and a new refresh token', async () => {
    const { code, verifier } = await codeForAda(tenant);
    const first = await json<Tokens>(await exchangeCode(tenant, code, verifier));
    const res = await refresh(first.refresh_token!);
    expect(res.status).toBe(200);
    const second = await json<Tokens>(res);
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.access_token)).toMatchObject({ sub: ADA, aud: [API, `${tenant.issuer}userinfo`] });
    expect((await refresh(second.refresh_token!)).status).toBe(200);
  });

  it('refuses a rotated refresh token and revokes its whole family (reuse detection)', async () => {
    const { code, verifier } = await codeForAda(tenant);
    const first = await json<Tokens>(await exchangeCode(tenant, code, verifier));
    const second = await json<Tokens>(await refresh(first.refresh_token!));
    const reuse = await refresh(first.refresh_token!);
    expect(reuse.status).toBe(403);
    expect(await json(reuse)).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
    expect((await refresh(second.refresh_token!)).status).toBe(403);
  });

  it('gives no refresh token without offline_access', async () => {
    const { code, verifier } = await codeForAda(tenant, { scope: 'openid profile email' });
    const tokens = await json<Tokens>(await exchangeCode(tenant, code, verifier));
    expect(tokens.refresh_token).toBeUndefined();
  });
});

describe('silent authentication (prompt=none)', () => {
  it('posts the code to the app origin in a web_message page when a session exists', async () => {
    const { cookie } = await codeForAda(tenant);
    const { challenge } = pkce();
    const query = authorizeQuery(challenge, { prompt: 'none', response_mode: 'web_message', state: 'silent-1' });
    const res = await fetch(`${tenant.url}/authorize?${query}`, { headers: { cookie: cookie! } });
    const html = await res.text();
    const message = /postMessage\((\{.*\}), "([^"]+)"\)/.exec(html);
    expect(message?.[2]).toBe(SPA);
    const data = JSON.parse(message![1]!) as { type: string; response: { code: string; state: string } };
    expect(data.type).toBe('authorization_response');
    expect(data.response.state).toBe('silent-1');
    expect(data.response.code).toBeTruthy();
  });

  it('answers login_required without a session', async () => {
    const query = authorizeQuery(pkce().challenge, { prompt: 'none', response_mode: 'web_message' });
    const html = await (await fetch(`${tenant.url}/authorize?${query}`)).text();
    expect(html).toContain('"error":"login_required"');
    const viaQuery = await fetch(`${tenant.url}/authorize?${authorizeQuery(pkce().challenge, { prompt: 'none' })}`, { redirect: 'manual' });
    expect(new URL(viaQuery.headers.get('location')!).searchParams.get('error')).toBe('login_required');
  });

  it('answers login_required after logout', async () => {
    const { cookie } = await codeForAda(tenant);
    const out = await fetch(`${tenant.url}/v2/logout?client_id=local-spa&returnTo=${encodeURIComponent(SPA)}`, { headers: { cookie: cookie! }, redirect: 'manual' });
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe(SPA);
    const query = authorizeQuery(pkce().challenge, { prompt: 'none' });
    const res = await fetch(`${tenant.url}/authorize?${query}`, { headers: { cookie: cookie! }, redirect: 'manual' });
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('login_required');
  });

  it('refuses a logout returnTo that is not an allowed logout URL', async () => {
    const res = await fetch(`${tenant.url}/v2/logout?client_id=local-spa&returnTo=${encodeURIComponent('http://evil.example')}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
  });
});

describe('token endpoint details', () => {
  it('answers CORS preflights for the SPA origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${tenant.url}/oauth/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'auth0-client,content-type' } });
    const ok = await preflight(SPA);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SPA);
    expect(ok.headers.get('access-control-allow-headers')).toBe('auth0-client,content-type');
    expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('returns the profile from /userinfo for the access token', async () => {
    const { code, verifier } = await codeForAda(tenant);
    const { access_token } = await json<Tokens>(await exchangeCode(tenant, code, verifier));
    const res = await fetch(`${tenant.url}/userinfo`, { headers: { authorization: `Bearer ${access_token}`, origin: SPA } });
    expect(res.headers.get('access-control-allow-origin')).toBe(SPA);
    expect(await json(res)).toMatchObject({ sub: ADA, email: 'ada@example.com', email_verified: true, nickname: 'ada' });
  });

  it('allows the password-realm grant for database users only', async () => {
    const grant = (username: string, password: string) =>
      fetch(`${tenant.url}/oauth/token`, form({
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm', client_id: 'local-spa', realm: 'Username-Password-Authentication',
        username, password, audience: API, scope: 'openid',
      }));
    const ok = await grant(ADA_LOGIN.email, ADA_LOGIN.password);
    expect(ok.status).toBe(200);
    expect(decodeJwt((await json<Tokens>(ok)).access_token).sub).toBe(ADA);
    const social = await grant('grace@example.com', 'anything');
    expect(social.status).toBe(403);
    expect(await json(social)).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or password.' });
  });

  it('refuses client credentials with a wrong secret', async () => {
    const res = await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'local-management', client_secret: 'wrong', audience: `${tenant.url}/api/v2/` }));
    expect(res.status).toBe(401);
    expect(await json(res)).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
  });

  it('mints a management token with gty, the granted scope and a day of lifetime', async () => {
    const res = await fetch(`${tenant.url}/oauth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'local-management', client_secret: 'local-management-secret', audience: `${tenant.url}/api/v2/` }),
    });
    const tokens = await json<Tokens>(res);
    expect(tokens).toMatchObject({ expires_in: 86400, scope: 'read:users update:users delete:users', token_type: 'Bearer' });
    expect(decodeJwt(tokens.access_token)).toMatchObject({ aud: `${tenant.url}/api/v2/`, gty: 'client-credentials', sub: 'local-management@clients', azp: 'local-management' });
  });
});

describe('logins and the user record', () => {
  const mgmt = async () => {
    const res = await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'local-management', client_secret: 'local-management-secret', audience: `${tenant.url}/api/v2/` }));
    return (await json<Tokens>(res)).access_token;
  };
  const getUser = async (id: string, token: string) =>
    json(await fetch(`${tenant.url}/api/v2/users/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` } }));
  const patchUser = (id: string, token: string, body: unknown) =>
    fetch(`${tenant.url}/api/v2/users/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('moves updated_at and last_login and counts the login', async () => {
    const token = await mgmt();
    const before = await getUser(ADA, token);
    await codeForAda(tenant);
    const after = await getUser(ADA, token);
    expect(new Date(after.updated_at as string).getTime()).toBeGreaterThan(new Date(before.updated_at as string).getTime());
    expect(after.last_login).toBe(after.updated_at);
    expect(after.logins_count).toBe((before.logins_count as number) + 1);
  });

  it('re-syncs a Google user\'s name fields from the provider at login, as Auth0 does', async () => {
    const token = await mgmt();
    await patchUser(GRACE, token, { given_name: 'Amazing', user_metadata: { firstName: 'Amazing' } });
    await login(tenant, authorizeQuery(pkce().challenge), { connection: 'google-oauth2' });
    const grace = await getUser(GRACE, token);
    expect(grace.given_name).toBe('Grace');
    expect(grace.user_metadata).toMatchObject({ firstName: 'Amazing' });
  });

  it('refuses to sign in a blocked user', async () => {
    const token = await mgmt();
    await patchUser(ADA, token, { blocked: true });
    try {
      const { response } = await login(tenant, authorizeQuery(pkce().challenge), ADA_LOGIN);
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('blocked');
    } finally {
      await patchUser(ADA, token, { blocked: false });
    }
  });
});
