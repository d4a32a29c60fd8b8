// The API's two permissions: `me` needs read:profile, `updateProfile` update:profile, granted by the
// token's `scope` or (Auth0 RBAC) its `permissions` claim. Without it: 403 FORBIDDEN with an RFC 6750
// insufficient_scope challenge, and nothing read or written upstream. Machine tokens are refused
// with 401 invalid_token: they stand for no user.
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { errorCode, gql, ME, UPDATE, type GraphQLResult } from '../support/graphql';
import { ADA, currentSigningKey } from '../support/stack';
import { readCounts, storedUser, userToken } from 'local-auth0/testing';
import { useStack } from '../support/use-stack';

jest.setTimeout(30_000);

const AUDIENCE = 'https://profile-api.local';
const OIDC = 'openid profile email';
const UPSTREAM_ROUTES = ['POST /oauth/token', 'GET /api/v2/users/:id', 'PATCH /api/v2/users/:id'];

const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '0' }, persistent: true });

const adaToken = (scope?: string) => userToken(stack.tenant.url, { email: 'ada@example.com', scope });
const rename = (token: string) => gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Augusta' } } });

async function signed(claims: JWTPayload): Promise<string> {
  const jwk = currentSigningKey(stack.stateFile);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: stack.tenant.issuer, aud: AUDIENCE, azp: 'local-spa', iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid })
    .sign(await importJWK(jwk, 'RS256'));
}

async function upstreamCalls(): Promise<number> {
  const counts = await readCounts(stack.tenant.url);
  return UPSTREAM_ROUTES.reduce((sum, route) => sum + (counts[route] ?? 0), 0);
}

/** Runs `call`, expects a 403 insufficient_scope for `needed`, and no upstream call at all. */
async function expectForbidden(call: () => Promise<GraphQLResult>, needed: string) {
  const before = await upstreamCalls();
  const res = await call();
  expect(res.status).toBe(403);
  expect(errorCode(res)).toBe('FORBIDDEN');
  expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="profile-api", error="insufficient_scope", scope="${needed}"`);
  expect(res.body.errors?.[0]?.message).toBe(`Your access token lacks the permission ${needed}; sign in again with the app, which requests it`);
  expect(res.body.data ?? null).toBeNull();
  expect(await upstreamCalls()).toBe(before);
}

async function expectMachineRefused(token: string) {
  const before = await upstreamCalls();
  const res = await gql(stack.api.url, ME, { token });
  expect(res.status).toBe(401);
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.headers.get('www-authenticate')).toBe('Bearer realm="profile-api", error="invalid_token"');
  expect(await upstreamCalls()).toBe(before);
}

describe('read:profile for me', () => {
  it('answers me for a token with the default scopes the app requests', async () => {
    const res = await gql(stack.api.url, ME, { token: await adaToken() });
    expect(res.status).toBe(200);
    expect((res.body.data?.me as { id: string }).id).toBe(ADA);
  });

  it('refuses me with 403 insufficient_scope to a token without read:profile, reading nothing', async () => {
    const token = await adaToken(`${OIDC} update:profile`);
    await expectForbidden(() => gql(stack.api.url, ME, { token }), 'read:profile');
  });

  it('accepts read:profile from an RBAC permissions claim when scope lacks it', async () => {
    const token = await signed({ sub: ADA, scope: OIDC, permissions: ['read:profile'] });
    const res = await gql(stack.api.url, ME, { token });
    expect(res.status).toBe(200);
    expect((res.body.data?.me as { id: string }).id).toBe(ADA);
  });

  it('does not take a permission from a scope that merely contains its name', async () => {
    const token = await signed({ sub: ADA, scope: `${OIDC} read:profile:all xread:profile`, permissions: 'read:profile' });
    await expectForbidden(() => gql(stack.api.url, ME, { token }), 'read:profile');
  });
});

describe('update:profile for updateProfile', () => {
  it('refuses updateProfile with 403 to a token with read:profile only, writing nothing', async () => {
    const token = await adaToken(`${OIDC} read:profile`);
    await expectForbidden(() => rename(token), 'update:profile');
    expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('lets a token with update:profile alone change the profile', async () => {
    const res = await rename(await adaToken(`${OIDC} update:profile`));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toMatchObject({ firstName: 'Augusta' });
  });

  it('accepts update:profile from an RBAC permissions claim', async () => {
    const res = await rename(await signed({ sub: ADA, scope: 'openid', permissions: ['read:profile', 'update:profile'] }));
    expect(res.body.errors).toBeUndefined();
  });
});

describe('machine tokens', () => {
  it('refuses a client-credentials token (gty) with 401 invalid_token', async () => {
    await expectMachineRefused(await signed({ sub: ADA, gty: 'client-credentials', scope: 'read:profile update:profile' }));
  });

  it('refuses a token whose sub is an application (…@clients) with 401 invalid_token', async () => {
    await expectMachineRefused(await userToken(stack.tenant.url, { sub: 'local-spa@clients' }));
  });
});

it('still answers a request without a token with 401, not 403', async () => {
  const res = await gql(stack.api.url, ME);
  expect(res.status).toBe(401);
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.body.errors?.[0]?.message).toBe('Sign in first: send Authorization: Bearer <access token>');
});
