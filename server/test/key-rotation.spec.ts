// The tenant rotates its signing keys twice (what a rotate + revoke does at Auth0): the
// client-credentials token the API cached is signed by a key no longer published, and the
// Management API answers 401 to it. The API must get a new token, not fail until restarted.
import { injectFault, readCounts, resetCounts, rotateKeys, ROUTES, userToken } from 'local-auth0/testing';
import { errorCode, gql, ME, UPDATE } from './support/graphql';
import { useStack } from './support/use-stack';

// No profile cache: every `me` calls the Management API.
const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '0', JWKS_COOLDOWN_MS: '0' }, reset: 'none' });

async function readyz(): Promise<{ status: string; dependencies: { managementToken: string } }> {
  return (await fetch(`${stack.api.url}/readyz`)).json() as Promise<{ status: string; dependencies: { managementToken: string } }>;
}

it('answers me and updates after the tenant rotated its keys twice, with one new token for the process', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  expect((await gql(stack.api.url, ME, { token })).body.data?.me).toMatchObject({ email: 'ada@example.com' });
  await rotateKeys(stack.tenant.url);
  await rotateKeys(stack.tenant.url);
  const fresh = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  await resetCounts(stack.tenant.url);
  const [me, updated] = await Promise.all([
    gql(stack.api.url, ME, { token: fresh }),
    gql(stack.api.url, UPDATE, { token: fresh, variables: { input: { lastName: 'King' } } }),
  ]);
  expect([me.body.errors, updated.body.errors]).toEqual([undefined, undefined]);
  expect(updated.body.data?.updateProfile).toMatchObject({ lastName: 'King' });
  expect((await readCounts(stack.tenant.url))[ROUTES.clientCredentials]).toBe(1);
  expect((await gql(stack.api.url, ME, { token: fresh })).body.data?.me).toMatchObject({ lastName: 'King' });
  expect((await readCounts(stack.tenant.url))[ROUTES.clientCredentials]).toBe(1);
  expect(await readyz()).toMatchObject({ status: 'ok', dependencies: { managementToken: 'ok' } });
});

it('reports the management token down on /readyz while the Management API refuses it, and ok once a new one works', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 401, times: 2, body: { statusCode: 401, error: 'Unauthorized', message: 'Invalid token', errorCode: 'invalid_token' } });
  const refused = await gql(stack.api.url, ME, { token });
  expect(refused.body.data?.me ?? null).toBeNull();
  expect(errorCode(refused)).toBeDefined();
  expect(await readyz()).toMatchObject({ status: 'degraded', dependencies: { managementToken: 'down' } });
  expect((await gql(stack.api.url, ME, { token })).body.data?.me).toMatchObject({ email: 'ada@example.com' });
  expect(await readyz()).toMatchObject({ status: 'ok', dependencies: { managementToken: 'ok' } });
});
