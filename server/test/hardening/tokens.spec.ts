// Forged and invalid access tokens against a real API and a real local tenant: every one is refused
// with UNAUTHENTICATED (HTTP 401), nothing reaches the Management API, and the process keeps serving.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { exportJWK, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { errorCode, gql, ME } from '../support/graphql';
import { ADA, currentSigningKey, GRACE } from '../support/stack';
import { injectFault, readCounts, resetTenant, rotateKeys, userToken } from 'local-auth0/testing';
import { useStack } from '../support/use-stack';

const AUDIENCE = 'https://profile-api.local';

jest.setTimeout(30_000);

// Cooldown 0 so a rotation's brand-new kid is fetched at once (production keeps 30 s).
const stack = useStack({ env: { JWKS_COOLDOWN_MS: '0' }, persistent: true, reset: 'none' });

const now = () => Math.floor(Date.now() / 1000);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function baseClaims(): JWTPayload {
  return {
    iss: stack.tenant.issuer,
    sub: ADA,
    aud: [AUDIENCE, `${stack.tenant.issuer}userinfo`],
    azp: 'local-spa',
    scope: 'openid profile email read:profile update:profile',
    iat: now(),
    exp: now() + 3600,
  };
}

/** Signs `claims` with the tenant's real current key (or `key`), as a forger holding it would. */
async function sign(claims: JWTPayload, options: { key?: JWK & { kid?: string }; alg?: string; kid?: string } = {}): Promise<string> {
  const jwk = options.key ?? currentSigningKey(stack.stateFile);
  const alg = options.alg ?? 'RS256';
  return new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'at+jwt', kid: options.kid ?? jwk.kid })
    .sign(await importJWK({ ...jwk, alg }, alg));
}

const adaToken = (body: { expiresIn?: number; audience?: string; scope?: string } = {}) =>
  userToken(stack.tenant.url, { email: 'ada@example.com', ...body });

async function ownRsaKey(kid: string): Promise<JWK & { kid: string }> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(await exportJWK(privateKey)), kid };
}

async function expectRefused(token: string | undefined, headers?: Record<string, string>) {
  const before = await readCounts(stack.tenant.url);
  const res = await gql(stack.api.url, ME, { token, headers });
  expect(res.status).toBe(401);
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.body.data ?? null).toBeNull();
  const after = await readCounts(stack.tenant.url);
  expect(after['GET /api/v2/users/:id'] ?? 0).toBe(before['GET /api/v2/users/:id'] ?? 0);
}

async function expectAccepted(token: string) {
  const res = await gql(stack.api.url, ME, { token });
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect((res.body.data?.me as { id: string }).id).toBe(ADA);
}

describe('valid tokens (controls for the forgeries below)', () => {
  it('accepts a token minted by the tenant', async () => {
    await expectAccepted(await adaToken());
  });

  it('accepts a token this suite signs with the tenant key and ordinary claims', async () => {
    await expectAccepted(await sign(baseClaims()));
  });
});

describe('forged or invalid tokens are refused with UNAUTHENTICATED', () => {
  it('refuses a request without an Authorization header', () => expectRefused(undefined));

  it('refuses an empty bearer token', () => expectRefused(undefined, { authorization: 'Bearer ' }));

  it('refuses a token that is not a JWT', () => expectRefused('not-a-jwt'));

  it('refuses a valid token sent with a scheme other than Bearer', async () => {
    const token = await adaToken();
    await expectRefused(undefined, { authorization: `Basic ${token}` });
  });

  it('refuses an expired token', async () => {
    await expectRefused(await adaToken({ expiresIn: -600 }));
  });

  it('refuses a token whose nbf lies in the future', async () => {
    await expectRefused(await sign({ ...baseClaims(), nbf: now() + 600 }));
  });

  it('refuses a token issued for another API (the Management API)', async () => {
    await expectRefused(await adaToken({ audience: `${stack.tenant.url}/api/v2/`, scope: 'read:current_user' }));
  });

  it('refuses an ID token presented as an access token', async () => {
    const res = await fetch(`${stack.tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'password',
        username: 'ada@example.com',
        password: 'Ada-Lovelace-1815',
        client_id: 'local-spa',
        audience: AUDIENCE,
        scope: 'openid profile email',
      }),
    });
    const { id_token: idToken } = (await res.json()) as { id_token: string };
    expect(idToken.split('.')).toHaveLength(3);
    await expectRefused(idToken);
  });

  it('refuses a token from another issuer, even signed with the right key', async () => {
    await expectRefused(await sign({ ...baseClaims(), iss: 'https://evil.example/' }));
  });

  it('refuses a token without sub', async () => {
    const { sub: _sub, ...claims } = baseClaims();
    await expectRefused(await sign(claims));
  });

  it('refuses a token whose sub is empty', async () => {
    await expectRefused(await sign({ ...baseClaims(), sub: '' }));
  });

  it('refuses a token without exp', async () => {
    const { exp: _exp, ...claims } = baseClaims();
    await expectRefused(await sign(claims));
  });

  it('refuses alg none', async () => {
    const token = `${b64url({ alg: 'none', typ: 'at+jwt' })}.${b64url(baseClaims())}.`;
    await expectRefused(token);
  });

  it('refuses a token signed with HS256 using the public key', async () => {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = currentSigningKey(stack.stateFile);
    const secrets = [JSON.stringify(publicJwk), Buffer.from(publicJwk.n ?? '', 'base64url').toString('binary')];
    for (const secret of secrets) {
      const input = `${b64url({ alg: 'HS256', typ: 'at+jwt', kid: publicJwk.kid })}.${b64url(baseClaims())}`;
      const signature = createHmac('sha256', secret).update(input).digest('base64url');
      await expectRefused(`${input}.${signature}`);
    }
  });

  it('refuses RS512 even when signed with the tenant key (RS256 only)', async () => {
    await expectRefused(await sign(baseClaims(), { alg: 'RS512' }));
  });

  it('refuses a genuine token whose payload was tampered with', async () => {
    const [header, , signature] = (await adaToken()).split('.');
    await expectRefused(`${header}.${b64url({ ...baseClaims(), sub: GRACE })}.${signature}`);
  });

  it('refuses a tampered copy of a token that was already accepted (and cached)', async () => {
    const token = await adaToken({ expiresIn: 1800 });
    await expectAccepted(token);
    const [header, payload, signature = ''] = token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expectRefused(`${header}.${payload}.${flipped}`);
  });

  it('refuses a token signed by an unknown key with an unknown kid', async () => {
    await expectRefused(await sign(baseClaims(), { key: await ownRsaKey('unknown-kid') }));
  });

  it("refuses a token signed by another key that claims the tenant key's kid", async () => {
    const kid = currentSigningKey(stack.stateFile).kid;
    await expectRefused(await sign(baseClaims(), { key: await ownRsaKey(kid) }));
  });

  it('refuses a huge forged token (8 kB) without trying it upstream', async () => {
    const kid = currentSigningKey(stack.stateFile).kid;
    await expectRefused(await sign({ ...baseClaims(), pad: 'x'.repeat(6_000) }, { key: await ownRsaKey(kid) }));
  });

  it('answers a header beyond the HTTP limit with 431 and keeps serving', async () => {
    const res = await fetch(`${stack.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(64_000)}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(res.status).toBe(431);
    await expectAccepted(await adaToken({ expiresIn: 1234 }));
  });
});

describe('key set outages and rotation', () => {
  it('keeps verifying with cached keys while the JWKS endpoint is down, and still refuses forgeries', async () => {
    await injectFault(stack.tenant.url, { route: 'GET /.well-known/jwks.json', status: 503, times: 50 });
    try {
      await expectAccepted(await adaToken({ expiresIn: 1500 }));
      const forged = await sign(baseClaims(), { key: await ownRsaKey('kid-during-outage') });
      const res = await gql(stack.api.url, ME, { token: forged });
      expect(res.status).not.toBe(200);
      expect(res.body.data ?? null).toBeNull();
    } finally {
      await resetTenant(stack.tenant.url);
    }
  });

  it('accepts tokens signed with the pre-published next key after a rotation, and old tokens until their key is gone', async () => {
    const oldToken = await adaToken({ expiresIn: 1400 });
    await expectAccepted(oldToken);
    await rotateKeys(stack.tenant.url);
    await expectAccepted(await adaToken({ expiresIn: 1401 }));
    await expectAccepted(oldToken);
  });

  it('fetches a kid it has never seen after two rotations; forged tokens with that kid still fail', async () => {
    await rotateKeys(stack.tenant.url);
    const { current } = await rotateKeys(stack.tenant.url);
    await expectAccepted(await adaToken({ expiresIn: 1402 }));
    await expectRefused(await sign(baseClaims(), { key: await ownRsaKey(current) }));
  });

  it('keeps serving after all of the above', async () => {
    expect((await fetch(`${stack.api.url}/healthz`)).status).toBe(200);
    await expectAccepted(await adaToken({ expiresIn: 1403 }));
  });
});
