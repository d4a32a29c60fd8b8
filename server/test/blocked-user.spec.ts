// A user an administrator blocks (Auth0's `blocked: true`) after their token was issued: the
// token stays valid until it expires, so the API refuses the account itself.
import { patchStoredUser, resetCounts, storedUser, userToken } from 'local-auth0/testing';
import { callsOf } from './hardening/harness';
import { errorCode, gql, ME, UPDATE } from './support/graphql';
import { ADA } from './support/stack';
import { useStack } from './support/use-stack';

// No profile cache: the block is seen on the next request.
const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '0' } });

/** What an administrator does in the dashboard (PATCH blocked through the Management API). */
async function setBlocked(userId: string, blocked: boolean): Promise<void> {
  await patchStoredUser(stack.tenant.url, userId, { blocked });
}

it('refuses updates of a blocked user with FORBIDDEN, reason blocked, and writes nothing', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  await setBlocked(ADA, true);
  const before = await storedUser(stack.tenant.url, ADA);
  await resetCounts(stack.tenant.url);
  const result = await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Augusta' } } });
  expect(result.body.errors?.[0]).toMatchObject({ message: 'This account is blocked; contact the administrator', extensions: { code: 'FORBIDDEN', reason: 'blocked' } });
  expect(result.body.data ?? null).toBeNull();
  expect(await callsOf(stack.tenant.url, 'PATCH /api/v2/users/:id')).toBe(0);
  expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toEqual(before.user_metadata);
});

it('refuses me to a blocked user the same way, and answers again once unblocked', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  expect((await gql(stack.api.url, ME, { token })).body.data?.me).toMatchObject({ email: 'ada@example.com' });
  await setBlocked(ADA, true);
  const refused = await gql(stack.api.url, ME, { token });
  expect(errorCode(refused)).toBe('FORBIDDEN');
  expect(refused.body.errors?.[0]?.extensions?.reason).toBe('blocked');
  await setBlocked(ADA, false);
  expect((await gql(stack.api.url, ME, { token })).body.data?.me).toMatchObject({ email: 'ada@example.com' });
});
