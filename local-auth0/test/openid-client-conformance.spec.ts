import * as oidc from 'openid-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADA, API, useTenant } from './helpers';
import { ADA_LOGIN, form } from './oidc-helpers';

const APP = 'http://localhost:4200';
const SCOPE = 'openid profile email offline_access read:profile';

/** A strict third-party relying party (openid-client 6) against the tenant, as a real app would use it. */
describe.each([
  ['without', APP, `${APP}/`],
  ['with', `${APP}/`, APP],
])('openid-client 6 with the redirect URI registered %s the trailing slash', (_variant, registered, requested) => {
  const tenant = useTenant({ tenant: { spaUrls: [registered] }, reset: 'none' });
  let config: oidc.Configuration;
  beforeAll(async () => {
    config = await oidc.discovery(new URL(tenant.issuer), 'local-spa', { token_endpoint_auth_method: 'none' }, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
  });

  async function authorizationUrl(extra: Record<string, string> = {}) {
    const verifier = oidc.randomPKCECodeVerifier();
    const checks = { pkceCodeVerifier: verifier, expectedState: oidc.randomState(), expectedNonce: oidc.randomNonce() };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: requested,
      scope: SCOPE,
      audience: API,
      state: checks.expectedState,
      nonce: checks.expectedNonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...extra,
    });
    return { url, checks };
  }

  /** The browser's part: the login page's form, then the redirect back to the app. */
  async function signIn(extra: Record<string, string> = {}) {
    const { url, checks } = await authorizationUrl(extra);
    expect((await fetch(url)).status).toBe(200);
    const res = await fetch(`${tenant.url}/login`, form({ authorize: url.search.slice(1), ...ADA_LOGIN }));
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { callback: new URL(res.headers.get('location')!), checks, cookie };
  }

  it('discovers the tenant, exchanges a code with PKCE and validates the ID token', async () => {
    expect(config.serverMetadata().issuer).toBe(tenant.issuer);
    const { callback, checks } = await signIn();
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    expect(tokens.claims()).toMatchObject({ sub: ADA, aud: 'local-spa', email: 'ada@example.com' });
    expect(tokens.scope).toBe(SCOPE);
  });

  it('refreshes, reads /userinfo, and revokes the refresh token', async () => {
    const { callback, checks } = await signIn();
    const first = await oidc.authorizationCodeGrant(config, callback, checks);
    const refreshed = await oidc.refreshTokenGrant(config, first.refresh_token!);
    expect(refreshed.claims()?.sub).toBe(ADA);
    const userinfo = await oidc.fetchUserInfo(config, refreshed.access_token, ADA);
    expect(userinfo).toMatchObject({ sub: ADA, email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' });
    await oidc.tokenRevocation(config, refreshed.refresh_token!);
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('honours max_age: an old session needs a new login, and auth_time satisfies the client\'s check', async () => {
    const { cookie } = await signIn();
    await sleep(2100);
    const stale = await authorizationUrl({ prompt: 'none', max_age: '1' });
    const refused = new URL((await fetch(stale.url, { headers: { cookie }, redirect: 'manual' })).headers.get('location')!);
    await expect(oidc.authorizationCodeGrant(config, refused, { ...stale.checks, maxAge: 1 })).rejects.toMatchObject({ error: 'login_required' });
    const fresh = await authorizationUrl({ prompt: 'none', max_age: '600' });
    const callback = new URL((await fetch(fresh.url, { headers: { cookie }, redirect: 'manual' })).headers.get('location')!);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { ...fresh.checks, maxAge: 600 });
    expect(typeof tokens.claims()?.auth_time).toBe('number');
  }, 20_000);
});
