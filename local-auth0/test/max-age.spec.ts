import { decodeJwt } from 'jose';
import { setTimeout as sleep } from 'node:timers/promises';
import { json, useTenant } from './helpers';
import { authorizeQuery, codeForAda, exchangeCode, form, pkce } from './oidc-helpers';

const tenant = useTenant({ reset: 'none' });

const authorize = (cookie: string, extra: Record<string, string>) =>
  fetch(`${tenant.url}/authorize?${authorizeQuery(pkce().challenge, extra)}`, { headers: { cookie }, redirect: 'manual' });
const redirectParam = (res: Response, name: string) => new URL(res.headers.get('location')!).searchParams.get(name);

describe('max_age', () => {
  it('asks for a new login when the session is older than max_age, and reuses it when it is not', async () => {
    const { cookie } = await codeForAda(tenant);
    await sleep(2100);
    const silent = await authorize(cookie!, { prompt: 'none', max_age: '1' });
    expect(redirectParam(silent, 'error')).toBe('login_required');
    const interactive = await authorize(cookie!, { max_age: '1' });
    expect(interactive.status).toBe(200);
    expect(await interactive.text()).toContain('<form method="post" action="/login">');
    const recentEnough = await authorize(cookie!, { prompt: 'none', max_age: '3600' });
    expect(redirectParam(recentEnough, 'code')).toBeTruthy();
  }, 20_000);

  it('treats max_age=0 as a demand for a fresh login', async () => {
    const { cookie } = await codeForAda(tenant);
    await sleep(1100);
    expect(redirectParam(await authorize(cookie!, { prompt: 'none', max_age: '0' }), 'error')).toBe('login_required');
  });

  it('refuses a max_age that is not a non-negative integer', async () => {
    const res = await authorize('', { max_age: '-5' });
    expect(redirectParam(res, 'error')).toBe('invalid_request');
  });

  it('puts the login time in auth_time of the ID token, also after a refresh', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { code, verifier } = await codeForAda(tenant, { max_age: '600' });
    const tokens = await json<{ id_token: string; refresh_token: string }>(await exchangeCode(tenant, code, verifier));
    const authTime = decodeJwt(tokens.id_token).auth_time as number;
    expect(authTime).toBeGreaterThanOrEqual(before);
    expect(authTime).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    const refreshed = await json<{ id_token: string }>(await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'refresh_token', client_id: 'local-spa', refresh_token: tokens.refresh_token })));
    expect(decodeJwt(refreshed.id_token).auth_time).toBe(authTime);
  });
});
