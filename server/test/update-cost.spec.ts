// What one updateProfile costs upstream, counted by the local tenant: the PATCH alone
// when the API's cache holds a fresh copy that says the names change; one read when the copy
// says nothing changes; and a copy gone stale behind the API never makes the write wrong.
import { patchStoredUser, resetCounts, storedUser, userToken } from 'local-auth0/testing';
import { addFreshUser } from './support/fresh-user';
import { gql, ME, UPDATE } from './support/graphql';
import { useStack } from './support/use-stack';
import { userCalls } from './support/user-calls';

const stack = useStack({ reset: 'none' });

type Names = { firstName: string | null; lastName: string | null };

/** A user of its own, seen once through `me` (the API caches it), the counts reset after. */
async function cachedUser(userMetadata: Record<string, unknown> = { firstName: 'Ada', lastName: 'Lovelace' }) {
  const user = await addFreshUser(stack.tenant.url, userMetadata);
  const token = await userToken(stack.tenant.url, { sub: user.id });
  expect((await gql(stack.api.url, ME, { token })).body.errors).toBeUndefined();
  await resetCounts(stack.tenant.url);
  return { ...user, token };
}

async function update(token: string, input: Record<string, string | null>): Promise<Names> {
  const result = await gql(stack.api.url, UPDATE, { token, variables: { input } });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.updateProfile as Names;
}

async function me(token: string): Promise<Names> {
  return (await gql(stack.api.url, ME, { token })).body.data?.me as Names;
}

it('costs exactly one Management call, the PATCH, when a cached user changes names; me then answers it with no call', async () => {
  const user = await cachedUser();
  expect(await update(user.token, { firstName: 'Augusta', lastName: 'King' })).toMatchObject({ firstName: 'Augusta', lastName: 'King' });
  expect(await userCalls(stack.tenant.url)).toEqual({ reads: 0, patches: 1, all: 1 });
  expect(await me(user.token)).toMatchObject({ firstName: 'Augusta', lastName: 'King' });
  expect(await userCalls(stack.tenant.url)).toEqual({ reads: 0, patches: 1, all: 1 });
  expect((await storedUser(stack.tenant.url, user.id)).user_metadata).toEqual({ firstName: 'Augusta', lastName: 'King' });
});

it('costs one read and no PATCH when the cached copy says nothing changes', async () => {
  const user = await cachedUser();
  expect(await update(user.token, { firstName: ' Ada ', lastName: 'Lovelace' })).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
  expect(await userCalls(stack.tenant.url)).toEqual({ reads: 1, patches: 0, all: 1 });
});

it('reads first when nothing is cached: a read and the PATCH', async () => {
  await cachedUser(); // the API holds its Management token from now on
  const user = await addFreshUser(stack.tenant.url, { firstName: 'Ada' });
  const token = await userToken(stack.tenant.url, { sub: user.id });
  expect(await update(token, { firstName: 'Augusta' })).toMatchObject({ firstName: 'Augusta' });
  expect(await userCalls(stack.tenant.url)).toEqual({ reads: 1, patches: 1, all: 2 });
});

it('leaves what the user asked for and no alias when the tenant changed behind a cached copy', async () => {
  const user = await cachedUser();
  await patchStoredUser(stack.tenant.url, user.id, { user_metadata: { firstName: 'Other', first_name: 'Old', firstNAme: 'Oldest', lastname: 'Legacy', theme: 'dark' } });
  await resetCounts(stack.tenant.url);
  expect(await update(user.token, { firstName: 'Augusta', lastName: null })).toMatchObject({ firstName: 'Augusta', lastName: null });
  expect(await userCalls(stack.tenant.url)).toEqual({ reads: 0, patches: 1, all: 1 });
  expect((await storedUser(stack.tenant.url, user.id)).user_metadata).toEqual({ firstName: 'Augusta', theme: 'dark' });
  expect(await me(user.token)).toMatchObject({ firstName: 'Augusta', lastName: null });
});

it('still writes when a stale cached copy says nothing changes', async () => {
  const user = await cachedUser();
  await patchStoredUser(stack.tenant.url, user.id, { user_metadata: { firstName: 'Other' } });
  await resetCounts(stack.tenant.url);
  expect(await update(user.token, { firstName: 'Ada' })).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
  expect(await userCalls(stack.tenant.url)).toEqual({ reads: 1, patches: 1, all: 2 });
  expect((await storedUser(stack.tenant.url, user.id)).user_metadata).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
});

it('refuses, blocked, the update that reveals a block made behind a cached copy, then me with no call', async () => {
  const user = await cachedUser();
  await patchStoredUser(stack.tenant.url, user.id, { blocked: true });
  await resetCounts(stack.tenant.url);
  const refused = await gql(stack.api.url, UPDATE, { token: user.token, variables: { input: { firstName: 'Augusta' } } });
  expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'blocked' });
  expect(refused.body.data ?? null).toBeNull();
  for (const operation of [ME, UPDATE]) {
    const answer = await gql(stack.api.url, operation, { token: user.token, variables: { input: { firstName: 'Again' } } });
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'blocked' });
  }
  // The next update does not trust a blocked copy either: one read confirms it (an unblock counts at once).
  expect(await userCalls(stack.tenant.url)).toEqual({ reads: 1, patches: 1, all: 2 });
  expect((await storedUser(stack.tenant.url, user.id)).user_metadata).toEqual({ firstName: 'Augusta', lastName: 'Lovelace' });
});
