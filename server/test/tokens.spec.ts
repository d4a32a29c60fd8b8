import { exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { errorCode, gql, ME } from './support/graphql';
import { ADA } from './support/stack';
import { useStack } from './support/use-stack';
import { userToken } from 'local-auth0/testing';

// The API's tenant keeps its state (keys included) in a file, so a second tenant started from
// the same file signs with the same keys but is a different issuer.
const stack = useStack({ persistent: true, reset: 'none' });
let impostor: LocalAuth0;

beforeAll(async () => {
  impostor = await startLocalAuth0({ port: 0, stateFile: stack.stateFile });
});
afterAll(() => impostor.close());

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;
const now = () => Math.floor(Date.now() / 1000);

function validClaims() {
  return { iss: stack.tenant.issuer, sub: ADA, aud: ['https://profile-api.local', `${stack.tenant.url}/userinfo`], iat: now(), exp: now() + 600, scope: 'openid' };
}

async function currentJwk(): Promise<JWK & { kid: string }> {
  const { keys } = (await (await fetch(`${stack.tenant.url}/.well-known/jwks.json`)).json()) as { keys: (JWK & { kid: string })[] };
  const realToken = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  const { kid } = decode(realToken.split('.')[0]!);
  const key = keys.find((k) => k.kid === kid);
  if (!key) throw new Error('the signing key is not published');
  return key;
}

async function expectUnauthenticated(token: string | null) {
  const result = await gql(stack.api.url, ME, token === null ? {} : { token });
  expect(result.status).toBe(401);
  expect(errorCode(result)).toBe('UNAUTHENTICATED');
  expect(result.headers.get('www-authenticate')).toMatch(/^Bearer /);
  expect(result.body.data ?? null).toBeNull();
}

it('accepts a token minted by the tenant (the control case)', async () => {
  const result = await gql(stack.api.url, ME, { token: await userToken(stack.tenant.url, { email: 'ada@example.com' }) });
  expect(result.status).toBe(200);
  expect(result.body.data?.me).toMatchObject({ id: ADA });
});

it('rejects a request without a token', async () => {
  await expectUnauthenticated(null);
});

it('rejects a garbage token', async () => {
  await expectUnauthenticated('not-a.jwt.at-all');
});

it('rejects an Authorization header that is not a Bearer token', async () => {
  const result = await gql(stack.api.url, ME, { headers: { authorization: 'Basic YWRhOmFkYQ==' } });
  expect(result.status).toBe(401);
  expect(errorCode(result)).toBe('UNAUTHENTICATED');
});

it('rejects an expired token', async () => {
  await expectUnauthenticated(await userToken(stack.tenant.url, { email: 'ada@example.com', expiresIn: -120 }));
});

it('rejects a token for another audience', async () => {
  await expectUnauthenticated(await userToken(stack.tenant.url, { email: 'ada@example.com', audience: 'https://other-api.example' }));
});

it('rejects a token from another issuer signed with the same keys', async () => {
  const token = await userToken(impostor.url, { email: 'ada@example.com' });
  expect(decode(token.split('.')[0]!).kid).toBe((await currentJwk()).kid);
  await expectUnauthenticated(token);
});

it('rejects an unsigned token (alg: none)', async () => {
  const { kid } = await currentJwk();
  await expectUnauthenticated(`${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(validClaims())}.`);
});

it('rejects a token signed with HS256 using the public key', async () => {
  const jwk = await currentJwk();
  const pem = await exportSPKI((await importJWK({ ...jwk, alg: 'RS256' }, 'RS256', { extractable: true })) as CryptoKey);
  const token = await new SignJWT(validClaims()).setProtectedHeader({ alg: 'HS256', kid: jwk.kid }).sign(new TextEncoder().encode(pem));
  await expectUnauthenticated(token);
});

it('rejects a token whose payload was tampered with', async () => {
  const [header, , signature] = (await userToken(stack.tenant.url, { email: 'alan@example.com' })).split('.');
  await expectUnauthenticated(`${header}.${b64(validClaims())}.${signature}`);
});

it('rejects a token signed by a key the tenant never published (unknown kid)', async () => {
  const { privateKey } = await generateKeyPair('RS256');
  const token = await new SignJWT(validClaims()).setProtectedHeader({ alg: 'RS256', kid: 'unknown-kid' }).sign(privateKey);
  await expectUnauthenticated(token);
});

it('still answers introspection without a token, but not me', async () => {
  const result = await gql(stack.api.url, '{ __schema { queryType { name } } }');
  expect(result.status).toBe(200);
  expect(result.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
});
