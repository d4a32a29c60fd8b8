import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { ADA, API, counts, GRACE, json, managementToken, post, useTenant, userPath } from './helpers';

const tenant = useTenant();

const jwks = async () => json<JSONWebKeySet>(await fetch(`${tenant.url}/.well-known/jwks.json`));
const mint = async (body: Record<string, unknown>) => json<{ access_token: string; token_type: string; expires_in: number }>(await post(`${tenant.url}/__local/tokens`, body));

describe('POST /__local/tokens', () => {
  it('mints a user access token like the real flow, with the userinfo audience when openid is asked for', async () => {
    const minted = await mint({ email: 'grace@example.com' });
    expect(minted).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const { payload, protectedHeader } = await jwtVerify(minted.access_token, createLocalJWKSet(await jwks()), { issuer: tenant.issuer, audience: API });
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({ sub: GRACE, aud: [API, `${tenant.issuer}userinfo`], azp: 'local-spa', scope: 'openid profile email read:profile update:profile' });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('uses a string audience without openid and honours sub, scope, clientId and expiresIn', async () => {
    const minted = await mint({ sub: 'auth0|ffffffffffffffffffffffff', scope: 'read:profile', clientId: 'other', expiresIn: 60 });
    expect(decodeJwt(minted.access_token)).toMatchObject({ sub: 'auth0|ffffffffffffffffffffffff', aud: API, scope: 'read:profile', azp: 'other' });
    expect(minted.expires_in).toBe(60);
  });

  it('mints for a userId that exists, whatever her email, and answers 404 for one that does not', async () => {
    expect(decodeJwt((await mint({ userId: GRACE })).access_token).sub).toBe(GRACE);
    const missing = await post(`${tenant.url}/__local/tokens`, { userId: 'auth0|000000000000000000000000' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: 'No user with id auth0|000000000000000000000000', errorCode: 'inexistent_user' });
  });

  it('is not counted as a call of POST /oauth/token', async () => {
    await fetch(`${tenant.url}/__local/counts`, { method: 'DELETE' });
    await mint({ email: 'ada@example.com' });
    expect(await counts(tenant)).not.toHaveProperty(['POST /oauth/token']);
  });
});

describe('POST /__local/faults', () => {
  it('gives the next N calls of a route the injected status, then lets calls through', async () => {
    await post(`${tenant.url}/__local/faults`, { route: 'GET /.well-known/jwks.json', times: 2, status: 503 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${tenant.url}/.well-known/jwks.json`)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await counts(tenant))['GET /.well-known/jwks.json']).toBe(3);
  });

  it('sends a truncated JSON body for body "broken"', async () => {
    await post(`${tenant.url}/__local/faults`, { route: 'POST /oauth/token', status: 200, body: 'broken' });
    const res = await post(`${tenant.url}/oauth/token`, { grant_type: 'client_credentials' });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    await expect(res.json()).rejects.toThrow();
  });

  it('sends a custom body and headers', async () => {
    await post(`${tenant.url}/__local/faults`, { route: 'GET /userinfo', status: 418, body: { teapot: true }, headers: { 'x-test': 'yes' } });
    const res = await fetch(`${tenant.url}/userinfo`);
    expect(res.status).toBe(418);
    expect(res.headers.get('x-test')).toBe('yes');
    expect(await res.json()).toEqual({ teapot: true });
  });

  it('lets a delay-only fault through to the real answer', async () => {
    await post(`${tenant.url}/__local/faults`, { route: 'GET /api/v2/users/:id', delayMs: 50 });
    const res = await fetch(userPath(tenant, ADA), { headers: { authorization: `Bearer ${await managementToken(tenant)}` } });
    expect(res.status).toBe(200);
  });

  it('gives a 429 fault Auth0\'s rate-limit headers and body', async () => {
    await post(`${tenant.url}/__local/faults`, { route: 'PATCH /api/v2/users/:id', status: 429 });
    const res = await fetch(userPath(tenant, ADA), { method: 'PATCH' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(await res.json()).toMatchObject({ statusCode: 429, errorCode: 'too_many_requests' });
  });

  it('refuses an unknown route key', async () => {
    const res = await post(`${tenant.url}/__local/faults`, { route: 'GET /nowhere' });
    expect(res.status).toBe(400);
  });
});

describe('counts, reset and key rotation', () => {
  it('counts /oauth/token calls per grant and zeroes them on DELETE', async () => {
    await fetch(`${tenant.url}/__local/counts`, { method: 'DELETE' });
    await managementToken(tenant);
    await post(`${tenant.url}/oauth/token`, { grant_type: 'refresh_token', client_id: 'local-spa', refresh_token: 'nope' });
    expect(await counts(tenant)).toEqual({ 'POST /oauth/token': 2, 'POST /oauth/token client_credentials': 1, 'POST /oauth/token refresh_token': 1 });
    await fetch(`${tenant.url}/__local/counts`, { method: 'DELETE' });
    expect(await counts(tenant)).toEqual({});
  });

  it('puts users back to the seed and clears faults on reset', async () => {
    const token = await managementToken(tenant);
    await fetch(userPath(tenant, ADA), { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ user_metadata: {} }) });
    await post(`${tenant.url}/__local/faults`, { route: 'GET /api/v2/users/:id', status: 500 });
    await post(`${tenant.url}/__local/reset`, {});
    const user = await json(await fetch(userPath(tenant, ADA), { headers: { authorization: `Bearer ${token}` } }));
    expect(user.user_metadata).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('rotates keys: next becomes current, old current stays published as previous', async () => {
    const before = (await jwks()).keys.map((k) => k.kid);
    const oldToken = (await mint({ email: 'ada@example.com' })).access_token;
    await post(`${tenant.url}/__local/rotate-keys`, {});
    const after = (await jwks()).keys.map((k) => k.kid);
    expect(after).toHaveLength(3);
    expect(after.slice(0, 2)).toEqual(before);
    const newToken = (await mint({ email: 'ada@example.com' })).access_token;
    expect(decodeProtectedHeader(newToken).kid).toBe(before[1]);
    const keySet = createLocalJWKSet(await jwks());
    await expect(jwtVerify(oldToken, keySet)).resolves.toBeTruthy();
    await expect(jwtVerify(newToken, keySet)).resolves.toBeTruthy();
  });

  it('answers control calls only for a loopback Host (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${tenant.url}/__local/counts`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject).end();
    });
    expect(status).toBe(403);
  });
});
