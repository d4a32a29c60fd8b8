// The post-login Action's claim (README): access tokens for the API carry the time of the
// session's last sign-in under `<API identifier>/auth_time`; a refresh keeps it; the Management
// API's tokens do not get it.
import { decodeJwt } from 'jose';
import { setTimeout as sleep } from 'node:timers/promises';
import { userToken } from '../src/testing';
import { API, json, useTenant } from './helpers';
import { codeForAda, exchangeCode, form } from './oidc-helpers';

const CLAIM = 'https://profile-api.local/auth_time';

const tenant = useTenant({ reset: 'none' });

interface Tokens { access_token: string; id_token?: string; refresh_token?: string }
const token = (body: Record<string, string>) => fetch(`${tenant.url}/oauth/token`, form(body)).then((res) => json<Tokens>(res));

describe('the auth_time claim of the post-login Action', () => {
  it('is the login time, the same as the ID token auth_time, and a refresh keeps it', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { code, verifier } = await codeForAda(tenant);
    const tokens = await json<Tokens>(await exchangeCode(tenant, code, verifier));
    const authTime = decodeJwt(tokens.access_token)[CLAIM];
    expect(authTime).toBe(decodeJwt(tokens.id_token!).auth_time);
    expect(authTime).toBeGreaterThanOrEqual(before);
    expect(authTime).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));

    await sleep(1100);
    const refreshed = await token({ grant_type: 'refresh_token', client_id: 'local-spa', refresh_token: tokens.refresh_token! });
    expect(decodeJwt(refreshed.access_token)[CLAIM]).toBe(authTime);
    expect(decodeJwt(refreshed.access_token).iat).toBeGreaterThan(authTime as number);
  });

  it('is the time of a password grant, for the API audience only', async () => {
    const before = Math.floor(Date.now() / 1000);
    const forApi = await token({ grant_type: 'password', client_id: 'local-spa', username: 'ada@example.com', password: 'Ada-Lovelace-1815', audience: API, scope: 'openid' });
    expect(decodeJwt(forApi.access_token)[CLAIM]).toBeGreaterThanOrEqual(before);
    const forUserinfo = await token({ grant_type: 'password', client_id: 'local-spa', username: 'ada@example.com', password: 'Ada-Lovelace-1815', scope: 'openid' });
    expect(Object.keys(decodeJwt(forUserinfo.access_token)).some((claim) => claim.endsWith('/auth_time'))).toBe(false);
  });

  it('is not put on Management API tokens', async () => {
    const m2m = await token({ grant_type: 'client_credentials', client_id: 'local-management', client_secret: 'local-management-secret', audience: `${tenant.url}/api/v2/` });
    expect(Object.keys(decodeJwt(m2m.access_token)).some((claim) => claim.endsWith('/auth_time'))).toBe(false);
  });

  it('can be minted by the test control as of a given time, or left out', async () => {
    expect(decodeJwt(await userToken(tenant.url, { email: 'ada@example.com', authTime: 1_700_000_000 }))[CLAIM]).toBe(1_700_000_000);
    expect(decodeJwt(await userToken(tenant.url, { email: 'ada@example.com', authTime: null }))[CLAIM]).toBeUndefined();
    const now = Math.floor(Date.now() / 1000);
    expect(decodeJwt(await userToken(tenant.url, { email: 'ada@example.com' }))[CLAIM]).toBeGreaterThanOrEqual(now);
  });
});
