import { decodeJwt } from 'jose';
import { ADA, ALAN, API, json, managementToken, post, useTenant, userPath } from './helpers';
import { ADA_LOGIN, codeForAda, exchangeCode, form } from './oidc-helpers';

const tenant = useTenant();

interface Tokens { access_token: string; scope: string }

const passwordGrant = async (audience: string, scope: string) => {
  const res = await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'password', client_id: 'local-spa', username: ADA_LOGIN.email, password: ADA_LOGIN.password, audience, scope }));
  expect(res.status).toBe(200);
  return json<Tokens>(res);
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const patchAlan = (token: string, body: unknown) => fetch(userPath(tenant, ALAN), { method: 'PATCH', headers: bearer(token), body: JSON.stringify(body) });
const insufficientScope = { statusCode: 403, error: 'Forbidden', errorCode: 'insufficient_scope' };

describe('scopes a user token can get', () => {
  it('gives ada no admin scope on the Management API: her token cannot list users nor change alan', async () => {
    const tokens = await passwordGrant(`${tenant.url}/api/v2/`, 'openid read:users update:users');
    expect(tokens.scope).toBe('openid');
    expect(decodeJwt(tokens.access_token).scope).toBe('openid');
    const list = await fetch(`${tenant.url}/api/v2/users`, { headers: bearer(tokens.access_token) });
    expect(list.status).toBe(403);
    const attack = await patchAlan(tokens.access_token, { password: 'Owned-by-ada-1', app_metadata: { admin: true }, email_verified: false });
    expect(attack.status).toBe(403);
    expect(await json(attack)).toMatchObject(insufficientScope);
    const alanLogin = await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'password', client_id: 'local-spa', username: 'alan@example.com', password: 'Alan-Turing-1912' }));
    expect(alanLogin.status).toBe(200);
  });

  it('keeps the current-user scopes a user asks for, and they reach only her own record', async () => {
    const tokens = await passwordGrant(`${tenant.url}/api/v2/`, 'openid read:current_user update:current_user_metadata update:users');
    expect(tokens.scope).toBe('openid read:current_user update:current_user_metadata');
    expect((await fetch(userPath(tenant, ADA), { headers: bearer(tokens.access_token) })).status).toBe(200);
    expect((await fetch(userPath(tenant, ALAN), { headers: bearer(tokens.access_token) })).status).toBe(403);
    const metadata = await patchAlan(tokens.access_token, { user_metadata: { firstName: 'Mallory' } });
    expect(await json(metadata)).toMatchObject(insufficientScope);
    const blockSelf = await fetch(userPath(tenant, ADA), { method: 'PATCH', headers: bearer(tokens.access_token), body: JSON.stringify({ blocked: false }) });
    expect(blockSelf.status).toBe(403);
  });

  it('drops a scope the API does not define, keeping its permissions and the OIDC scopes', async () => {
    const tokens = await passwordGrant(API, 'openid profile read:profile update:profile delete:everything');
    expect(tokens.scope).toBe('openid profile read:profile update:profile');
    expect(decodeJwt(tokens.access_token).scope).toBe('openid profile read:profile update:profile');
  });

  it('filters the code flow and the refresh grant the same way', async () => {
    const { code, verifier } = await codeForAda(tenant, { scope: 'openid offline_access read:profile admin:all' });
    const first = await json<Tokens & { refresh_token: string }>(await exchangeCode(tenant, code, verifier));
    expect(first.scope).toBe('openid offline_access read:profile');
    const refreshed = await json<Tokens>(await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'refresh_token', client_id: 'local-spa', refresh_token: first.refresh_token })));
    expect(decodeJwt(refreshed.access_token).scope).toBe('openid offline_access read:profile');
  });

  it('ignores admin scopes in a user token however it was minted; a machine token keeps them', async () => {
    const minted = await json<{ access_token: string }>(await post(`${tenant.url}/__local/tokens`, { email: 'ada@example.com', audience: `${tenant.url}/api/v2/`, scope: 'read:users update:users' }));
    expect(await json(await patchAlan(minted.access_token, { nickname: 'x' }))).toMatchObject(insufficientScope);
    expect((await patchAlan(await managementToken(tenant), { nickname: 'al' })).status).toBe(200);
  });
});
