import { json, useTenant } from './helpers';

const tenant = useTenant({ reset: 'none' });

type Discovery = Record<string, unknown>;
const discovery = async () => json<Discovery>(await fetch(`${tenant.url}/.well-known/openid-configuration`));

describe('the discovery document', () => {
  it('names only endpoints that exist', async () => {
    const doc = await discovery();
    const endpoints = Object.entries(doc).filter(([key]) => key.endsWith('_endpoint') || key === 'jwks_uri');
    expect(endpoints.map(([key]) => key).sort()).toEqual(
      ['authorization_endpoint', 'end_session_endpoint', 'jwks_uri', 'revocation_endpoint', 'token_endpoint', 'userinfo_endpoint'],
    );
    for (const [key, url] of endpoints) {
      const method = key === 'token_endpoint' || key === 'revocation_endpoint' ? 'POST' : 'GET';
      const res = await fetch(url as string, { method, redirect: 'manual' });
      expect({ key, status: res.status }).not.toEqual({ key, status: 404 });
    }
  });

  it('advertises only what the tenant accepts: S256, query and web_message, RS256', async () => {
    const doc = await discovery();
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(doc.response_modes_supported).toEqual(['query', 'web_message']);
    expect(doc.response_types_supported).toEqual(['code']);
    expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(doc.scopes_supported).toEqual(['openid', 'profile', 'email', 'offline_access']);
  });

  it('lists the grant types the token endpoint serves, and it refuses any other', async () => {
    const doc = await discovery();
    expect(doc.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials', 'password']));
    const device = await fetch(`${tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=local-spa',
    });
    expect(device.status).toBe(403);
    expect((doc.grant_types_supported as string[]).includes('urn:ietf:params:oauth:grant-type:device_code')).toBe(false);
  });
});
