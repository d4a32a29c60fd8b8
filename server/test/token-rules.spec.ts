// How the API reads an access token, through HTTP: the Authorization header must be exactly
// "Bearer <token>", `sub` must be a non-empty string, and expiry is judged with the verifier's
// default 5 s clock tolerance (the server sets none of its own).
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { errorCode, gql, ME, type GraphQLResult } from './support/graphql';
import { ADA, currentSigningKey } from './support/stack';
import { userToken } from 'local-auth0/testing';
import { useStack } from './support/use-stack';

jest.setTimeout(20_000);

const stack = useStack({ persistent: true, signIn: ['ada'], reset: 'none' });

const meWith = (authorization: string) => gql(stack.api.url, ME, { headers: { authorization } });

function expectRefused(res: GraphQLResult) {
  expect(res.status).toBe(401);
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.body.errors?.[0]?.message).toBe('The access token is missing or invalid');
  expect(res.headers.get('www-authenticate')).toBe('Bearer realm="profile-api", error="invalid_token"');
}

function expectAda(res: GraphQLResult) {
  expect(res.status).toBe(200);
  expect((res.body.data?.me as { id: string }).id).toBe(ADA);
}

async function signed(claims: JWTPayload): Promise<string> {
  const jwk = currentSigningKey(stack.stateFile);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: stack.tenant.issuer, aud: 'https://profile-api.local', scope: 'read:profile', iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid })
    .sign(await importJWK(jwk, 'RS256'));
}

describe('the Authorization header', () => {
  it.each([
    ['Basic Bearer <token>', (t: string) => `Basic Bearer ${t}`],
    ['Bearer <token> trailing', (t: string) => `Bearer ${t} trailing`],
    ['Bearer <token>,<token>', (t: string) => `Bearer ${t},${t}`],
    ['<token> alone', (t: string) => t],
    ['Bearer with no token', () => 'Bearer '],
    ['Bearer:<token>', (t: string) => `Bearer:${t}`],
  ])('refuses %s', async (_label, header) => {
    expectRefused(await meWith(header(stack.tokens.ada)));
  });

  it.each([
    ['Bearer <token>', (t: string) => `Bearer ${t}`],
    ['bearer <token> (the scheme is case-insensitive)', (t: string) => `bearer ${t}`],
    ['Bearer  <token> (extra spaces)', (t: string) => `Bearer  ${t} `],
  ])('accepts %s', async (_label, header) => {
    expectAda(await meWith(header(stack.tokens.ada)));
  });
});

describe('the subject', () => {
  it.each([
    ['empty', ''],
    ['a number', 12345],
    ['an array', [ADA]],
    ['an object', { id: ADA }],
  ])('refuses a token whose sub is %s', async (_label, sub) => {
    expectRefused(await gql(stack.api.url, ME, { token: await signed({ sub: sub as unknown as string }) }));
  });

  it('refuses a token without exp', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwk = currentSigningKey(stack.stateFile);
    const noExp = await new SignJWT({ iss: stack.tenant.issuer, aud: 'https://profile-api.local', scope: 'read:profile', sub: ADA, iat: now })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid })
      .sign(await importJWK(jwk, 'RS256'));
    expectRefused(await gql(stack.api.url, ME, { token: noExp }));
  });

  it('accepts the same token with a string sub (the control case)', async () => {
    expectAda(await gql(stack.api.url, ME, { token: await signed({ sub: ADA }) }));
  });
});

describe('expiry, with the default 5 s clock tolerance', () => {
  it('accepts a token that expired a second ago', async () => {
    expectAda(await gql(stack.api.url, ME, { token: await userToken(stack.tenant.url, { email: 'ada@example.com', expiresIn: -1 }) }));
  });

  it('refuses a token that expired 30 s ago', async () => {
    expectRefused(await gql(stack.api.url, ME, { token: await userToken(stack.tenant.url, { email: 'ada@example.com', expiresIn: -30 }) }));
  });

  it('refuses a token not valid before 30 s from now, and accepts one valid from a second from now', async () => {
    const now = Math.floor(Date.now() / 1000);
    expectRefused(await gql(stack.api.url, ME, { token: await signed({ sub: ADA, nbf: now + 30 }) }));
    expectAda(await gql(stack.api.url, ME, { token: await signed({ sub: ADA, nbf: now + 1 }) }));
  });
});
