import { errorCode, gql, ME } from './support/graphql';
import { useStack } from './support/use-stack';
import { injectFault, readCounts, userToken } from 'local-auth0/testing';

// A fresh API for each test: the Management API token is not cached yet. No last-known profiles:
// these are the errors of a user never read before.
const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '0', LAST_KNOWN_PROFILE_TTL_SECONDS: '0' }, lifetime: 'test' });

it('answers UPSTREAM_UNAVAILABLE within the budget when the token endpoint stalls (the SDK alone would wait 10 s)', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  await injectFault(stack.tenant.url, { route: 'POST /oauth/token', delayMs: 3000 });
  const started = Date.now();
  const result = await gql(stack.api.url, ME, { token });
  expect(errorCode(result)).toBe('UPSTREAM_UNAVAILABLE');
  expect(Date.now() - started).toBeLessThan(5000);
  expect((await gql(stack.api.url, ME, { token })).body.data?.me).toMatchObject({ email: 'ada@example.com' });
});

it('answers RATE_LIMITED when the token endpoint answers 429 twice', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  await injectFault(stack.tenant.url, { route: 'POST /oauth/token', status: 429, times: 2 });
  const result = await gql(stack.api.url, ME, { token });
  expect(errorCode(result)).toBe('RATE_LIMITED');
  expect((await readCounts(stack.tenant.url))['POST /oauth/token client_credentials']).toBe(2);
});

it('answers UPSTREAM_UNAVAILABLE when the tenant refuses connections', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  expect((await gql(stack.api.url, ME, { token })).body.data?.me).toBeTruthy();
  await stack.tenant.close();
  const result = await gql(stack.api.url, ME, { token });
  expect(errorCode(result)).toBe('UPSTREAM_UNAVAILABLE');
});
