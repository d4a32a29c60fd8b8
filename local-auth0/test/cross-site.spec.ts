import { json, post, SPA, useTenant } from './helpers';
import { ADA_LOGIN, authorizeQuery, form, pkce } from './oidc-helpers';

const tenant = useTenant({ reset: 'none' });

const EVIL = 'http://evil.example';
const controlAttempts: [string, string, Record<string, string>, string][] = [
  ['reset, form-encoded from another site', '/reset', { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' }, ''],
  ['rotate-keys, text/plain from another site', '/rotate-keys', { origin: EVIL, 'content-type': 'text/plain' }, '{}'],
  ['faults, JSON from the app origin', '/faults', { origin: SPA, 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, JSON.stringify({ route: 'GET /userinfo', status: 500 })],
  ['reset, from an opaque origin', '/reset', { origin: 'null', 'content-type': 'application/json' }, '{}'],
  ['reset, a no-cors request without Origin', '/reset', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, '{}'],
];

describe('/__local refuses web pages', () => {
  it.each(controlAttempts)('refuses %s', async (_name, path, headers, body) => {
    const keysBefore = await json(await fetch(`${tenant.url}/.well-known/jwks.json`));
    const res = await fetch(`${tenant.url}/__local${path}`, { method: 'POST', headers, body });
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ statusCode: 403, errorCode: 'forbidden' });
    expect(await json(await fetch(`${tenant.url}/.well-known/jwks.json`))).toEqual(keysBefore);
  });

  it('refuses a form-encoded body even without Origin (415)', async () => {
    const res = await fetch(`${tenant.url}/__local/rotate-keys`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(res.status).toBe(415);
  });

  it('still serves scripts and tests (JSON, no Origin) and its own origin', async () => {
    expect((await post(`${tenant.url}/__local/reset`, {})).status).toBe(204);
    expect((await post(`${tenant.url}/__local/reset`, {}, { origin: tenant.url, 'sec-fetch-site': 'same-origin' })).status).toBe(204);
  });
});

describe('login CSRF', () => {
  const loginFrom = (headers: Record<string, string>) => {
    const request = form({ authorize: authorizeQuery(pkce().challenge), ...ADA_LOGIN });
    return fetch(`${tenant.url}/login`, { ...request, headers: { ...request.headers, ...headers } });
  };

  it.each([
    ['another site', { origin: EVIL, 'sec-fetch-site': 'cross-site' }],
    ['the app origin', { origin: SPA, 'sec-fetch-site': 'same-site' }],
    ['an opaque origin', { origin: 'null' }],
  ])('refuses a login form posted from %s, and sets no session', async (_name, headers) => {
    const res = await loginFrom(headers);
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('location')).toBeNull();
  });

  it('accepts the login page posting to itself', async () => {
    const res = await loginFrom({ origin: tenant.url, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(302);
    expect(res.headers.get('set-cookie')).toMatch(/^local_auth0_session=/);
  });
});
