// The signing key set during a tenant outage, against a real HTTP key set whose answers the tests
// choose: a failure is "keys unavailable" (never "invalid token"), and after one the set is not
// asked again until the failure cooldown has passed.
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createAccessTokenVerifier } from '../src/auth/access-token';
import { InvalidTokenError, KeySetUnavailableError } from '../src/auth/errors';
import { createKeySet } from '../src/auth/key-set';
import { useRunning } from 'test-support/hooks';
import { startStandIn } from './support/stand-in';

const ISSUER = 'https://tenant.example/';
const AUDIENCE = 'https://profile-api.local';

let answer: { status: number; body: string } = { status: 200, body: '{"keys":[]}' };
let fetches = 0;
let key: { privateKey: CryptoKey; jwk: JWK };

const keySet = useRunning(() =>
  startStandIn((_req, res) => {
    fetches += 1;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  }, 'localhost'),
);
const jwksUri = () => `${keySet.url}/jwks.json`;
beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  key = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' } };
});
beforeEach(() => {
  fetches = 0;
  answer = { status: 200, body: JSON.stringify({ keys: [key.jwk] }) };
});

const healthy = () => (answer = { status: 200, body: JSON.stringify({ keys: [key.jwk] }) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function token(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'auth0|1', iat: now, exp: now + 60 })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(key.privateKey);
}

const header = { alg: 'RS256', kid: 'k1' };
const flattened = { payload: '', signature: '' };

describe('createKeySet', () => {
  function keySet(now: () => number) {
    return createKeySet({ jwksUri: jwksUri(), cooldownMs: 0, failureCooldownMs: 1_000, timeoutMs: 2_000, cacheMaxAgeMs: 600_000, now });
  }

  it('does not ask a failing key set again until the failure cooldown has passed', async () => {
    let clock = 1_000_000;
    const getKey = keySet(() => clock);
    answer = { status: 503, body: 'unavailable' };
    await expect(getKey(header, flattened)).rejects.toBeInstanceOf(KeySetUnavailableError);
    healthy();
    clock += 999;
    await expect(getKey(header, flattened)).rejects.toThrow('The key set failed recently; not asking again yet');
    expect(fetches).toBe(1);
    clock += 1;
    await expect(getKey(header, flattened)).resolves.toBeDefined();
    expect(fetches).toBe(2);
  });

  it('counts a refused connection as a failure too', async () => {
    const getKey = createKeySet({ jwksUri: 'http://localhost:1/jwks.json', cooldownMs: 0, failureCooldownMs: 60_000, timeoutMs: 2_000, cacheMaxAgeMs: 600_000 });
    await expect(getKey(header, flattened)).rejects.toThrow('The signing keys could not be fetched');
    await expect(getKey(header, flattened)).rejects.toThrow('The key set failed recently; not asking again yet');
  });

  it.each([
    ['an error status', { status: 500, body: '{}' }],
    ['a body that is not JSON', { status: 200, body: '{"keys":[' }],
    ['JSON that is not a key set', { status: 200, body: '{"keys":"none"}' }],
  ])('reports %s as KeySetUnavailableError', async (_label, broken) => {
    answer = broken;
    await expect(keySet(Date.now)(header, flattened)).rejects.toBeInstanceOf(KeySetUnavailableError);
  });

  it('reports a kid the healthy set does not publish as a token fault, not an outage', async () => {
    const error = await Promise.resolve(keySet(Date.now)({ alg: 'RS256', kid: 'unknown' }, flattened)).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(KeySetUnavailableError);
    expect((error as Error).name).toBe('JWKSNoMatchingKey');
  });

  it('asks a healthy set again for an unknown kid (kid cooldown 0), and calls the kid unknown', async () => {
    const getKey = keySet(Date.now);
    await expect(getKey(header, flattened)).resolves.toBeDefined();
    await expect(getKey({ alg: 'RS256', kid: 'other' }, flattened)).rejects.toThrow();
    expect(fetches).toBe(2);
  });
});

describe('the verifier during an outage', () => {
  it('answers KeySetUnavailableError, not InvalidTokenError, for a valid token while the set answers 500', async () => {
    answer = { status: 500, body: '{}' };
    const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri() });
    await expect(verify(await token())).rejects.toBeInstanceOf(KeySetUnavailableError);
  });

  it('waits the kid cooldown after a failure when it is under 5 s, and then recovers', async () => {
    answer = { status: 500, body: '{}' };
    const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri(), cooldownMs: 300 });
    await expect(verify(await token())).rejects.toBeInstanceOf(KeySetUnavailableError);
    healthy();
    await expect(verify(await token())).rejects.toBeInstanceOf(KeySetUnavailableError);
    expect(fetches).toBe(1);
    await sleep(800);
    await expect(verify(await token())).resolves.toMatchObject({ sub: 'auth0|1' });
    expect(fetches).toBe(2);
  });

  it('does not ask again right after a failure, with the default kid cooldown', async () => {
    answer = { status: 500, body: '{}' };
    const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri() });
    await expect(verify(await token())).rejects.toBeInstanceOf(KeySetUnavailableError);
    healthy();
    await expect(verify(await token())).rejects.toBeInstanceOf(KeySetUnavailableError);
    expect(fetches).toBe(1);
  });

  it('refuses a key set address that is not a URL, saying so', () => {
    expect(() => createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: 'jwks.json' })).toThrow('jwksUri must be an absolute URL (got "jwks.json")');
  });

  it('takes an explicit failure cooldown', async () => {
    answer = { status: 500, body: '{}' };
    const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri(), cooldownMs: 60_000, failureCooldownMs: 0 });
    await expect(verify(await token())).rejects.toBeInstanceOf(KeySetUnavailableError);
    healthy();
    await expect(verify(await token())).resolves.toMatchObject({ sub: 'auth0|1' });
  });

  it('calls a token without kid invalid when several published keys could match it', async () => {
    const { publicKey } = await generateKeyPair('RS256');
    answer = { status: 200, body: JSON.stringify({ keys: [key.jwk, { ...(await exportJWK(publicKey)), kid: 'k2', alg: 'RS256', use: 'sig' }] }) };
    const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri() });
    const now = Math.floor(Date.now() / 1000);
    const noKid = await new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'auth0|1', exp: now + 60 }).setProtectedHeader({ alg: 'RS256' }).sign(key.privateKey);
    await expect(verify(noKid)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('still calls a badly signed token invalid while the set is healthy', async () => {
    const verify = createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwksUri() });
    const [h, p] = (await token()).split('.');
    await expect(verify(`${h}.${p}.${'A'.repeat(342)}`)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
