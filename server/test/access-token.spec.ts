import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createAccessTokenVerifier } from '../src/auth/access-token';
import { InvalidTokenError, KeySetUnavailableError } from '../src/auth/errors';
import { useRunning } from 'test-support/hooks';
import { startStandIn } from './support/stand-in';

// A key set served over real HTTP whose published keys the tests change.
const published: JWK[] = [];
let fetches = 0;
const ISSUER = 'https://tenant.example/';
const AUDIENCE = 'https://profile-api.local';

const keySet = useRunning(() =>
  startStandIn((_req, res) => {
    fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: published }));
  }, 'localhost'),
);
const jwksUri = () => `${keySet.url}/jwks.json`;

async function newKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

function sign(key: { kid: string; privateKey: CryptoKey }, claims: JWTPayload) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'auth0|1', iat: now, exp: now + 60, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .sign(key.privateKey);
}

it('returns the claims of a valid token, with aud as an array', async () => {
  const key = await newKey('a');
  published.splice(0, published.length, key.jwk);
  const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri(), cooldownMs: 0 });
  const claims = await verify(await sign(key, { aud: [AUDIENCE, `${ISSUER}userinfo`], scope: 'openid profile' }));
  expect(claims).toMatchObject({ sub: 'auth0|1', scope: 'openid profile' });
});

it('rejects a token without a subject', async () => {
  const key = await newKey('a');
  published.splice(0, published.length, key.jwk);
  const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri() });
  await expect(verify(await sign(key, { sub: undefined }))).rejects.toBeInstanceOf(InvalidTokenError);
});

it('accepts a token expired within the clock tolerance and rejects one beyond it', async () => {
  const key = await newKey('a');
  published.splice(0, published.length, key.jwk);
  const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri(), clockToleranceSeconds: 30 });
  const now = Math.floor(Date.now() / 1000);
  await expect(verify(await sign(key, { exp: now - 10 }))).resolves.toMatchObject({ sub: 'auth0|1' });
  await expect(verify(await sign(key, { exp: now - 60 }))).rejects.toBeInstanceOf(InvalidTokenError);
  await expect(verify(await sign(key, { nbf: now + 60 }))).rejects.toBeInstanceOf(InvalidTokenError);
});

it('fetches the key set once and again only for an unknown kid', async () => {
  const first = await newKey('first');
  const second = await newKey('second');
  published.splice(0, published.length, first.jwk);
  const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri(), cooldownMs: 0 });
  fetches = 0;
  await verify(await sign(first, {}));
  await verify(await sign(first, {}));
  expect(fetches).toBe(1);
  published.push(second.jwk);
  await expect(verify(await sign(second, {}))).resolves.toMatchObject({ sub: 'auth0|1' });
  expect(fetches).toBe(2);
});

it('does not refetch for unknown kids during the cooldown', async () => {
  const known = await newKey('known');
  published.splice(0, published.length, known.jwk);
  const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri(), cooldownMs: 60_000 });
  fetches = 0;
  await verify(await sign(known, {}));
  const stranger = await newKey('stranger');
  for (let i = 0; i < 3; i += 1) await expect(verify(await sign(stranger, {}))).rejects.toBeInstanceOf(InvalidTokenError);
  expect(fetches).toBe(1);
});

it('reports an unreachable key set as KeySetUnavailableError, not as a bad token', async () => {
  const key = await newKey('a');
  const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: 'http://localhost:1/jwks.json' });
  await expect(verify(await sign(key, {}))).rejects.toBeInstanceOf(KeySetUnavailableError);
});

it('refuses options that cannot work, saying which', () => {
  expect(() => createAccessTokenVerifier({ issuer: 'https://tenant.example', audience: AUDIENCE })).toThrow(/issuer/);
  expect(() => createAccessTokenVerifier({ issuer: ISSUER, audience: '' })).toThrow(/audience/);
});
