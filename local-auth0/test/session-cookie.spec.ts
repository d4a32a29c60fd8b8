import { startTenant, useTenant } from './helpers';
import { codeForAda } from './oidc-helpers';

const tenant = useTenant({ reset: 'none' });

const attributes = (setCookie: string | null) =>
  (setCookie ?? '').split(';').slice(1).map((part) => part.trim().toLowerCase().split('=')[0]);

describe('the session cookie', () => {
  it('is set as Auth0 sets it: HttpOnly, SameSite=None, Secure, for the whole tenant', async () => {
    const { response } = await codeForAda(tenant);
    const setCookie = response.headers.get('set-cookie');
    expect(setCookie).toMatch(/^local_auth0_session=[\w-]+;/);
    expect(setCookie).toMatch(/; SameSite=None(;|$)/);
    expect(attributes(setCookie)).toEqual(expect.arrayContaining(['httponly', 'secure', 'path', 'max-age']));
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
  });

  it('is cleared on logout with the same attributes, so a browser accepts the overwrite', async () => {
    const { cookie } = await codeForAda(tenant);
    const response = await fetch(`${tenant.url}/v2/logout`, { headers: { cookie: cookie! }, redirect: 'manual' });
    const setCookie = response.headers.get('set-cookie');
    expect(setCookie).toMatch(/^local_auth0_session=;/);
    expect(setCookie).toMatch(/; Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    expect(setCookie).toMatch(/; SameSite=None(;|$)/);
    expect(attributes(setCookie)).toEqual(expect.arrayContaining(['httponly', 'secure']));
  });
});

describe('publicHost', () => {
  it('publishes the tenant as http://127.0.0.1:PORT, another site than an app on localhost', async () => {
    const crossSite = await startTenant({ publicHost: '127.0.0.1' });
    try {
      expect(crossSite.url).toBe(`http://127.0.0.1:${crossSite.port}`);
      const discovery = (await (await fetch(`${crossSite.url}/.well-known/openid-configuration`)).json()) as Record<string, string>;
      expect(discovery['issuer']).toBe(`http://127.0.0.1:${crossSite.port}/`);
      expect(discovery['authorization_endpoint']).toBe(`http://127.0.0.1:${crossSite.port}/authorize`);
    } finally {
      await crossSite.close();
    }
  });
});
