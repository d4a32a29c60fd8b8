// Two API instances sharing one Redis: an update through A with a fresh copy in the
// shared cache is its PATCH alone, whose answer B serves next with no call; B's own update then
// finds A's answer fresh in Redis and costs its PATCH alone too.
import { injectFault, patchStoredUser, resetCounts, ROUTES, storedUser, userToken } from 'local-auth0/testing';
import { addFreshUser } from '../support/fresh-user';
import { gql, ME, UPDATE } from '../support/graphql';
import { userCalls } from '../support/user-calls';
import { useTwoReplicas } from './two-replicas';

const t = useTwoReplicas();

type Names = { firstName: string | null; lastName: string | null };

async function freshUser(): Promise<{ id: string; token: string }> {
  const user = await addFreshUser(t.tenant.url, { firstName: 'Ada', lastName: 'Lovelace' });
  return { id: user.id, token: await userToken(t.tenant.url, { sub: user.id }) };
}

async function me(url: string, token: string): Promise<Names> {
  const result = await gql(url, ME, { token });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.me as Names;
}

async function update(url: string, token: string, input: Record<string, string | null>): Promise<Names> {
  const result = await gql(url, UPDATE, { token, variables: { input } });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.updateProfile as Names;
}

beforeAll(async () => {
  // Each replica reads upstream once (a no-op update reads fresh), so both hold their Management token.
  const user = await freshUser();
  for (const api of [t.a, t.b]) await update(api.url, user.token, { firstName: 'Ada' });
});

it('costs one PATCH per update through either replica, and each replica shows the other one\'s update at once', async () => {
  const user = await freshUser();
  await me(t.a.url, user.token);
  await me(t.b.url, user.token);
  await resetCounts(t.tenant.url);
  await update(t.a.url, user.token, { firstName: 'Augusta' });
  expect(await me(t.b.url, user.token)).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace' });
  await update(t.b.url, user.token, { lastName: 'King' });
  expect(await me(t.a.url, user.token)).toMatchObject({ firstName: 'Augusta', lastName: 'King' });
  expect(await userCalls(t.tenant.url)).toEqual({ reads: 0, patches: 2, all: 2 });
  expect((await storedUser(t.tenant.url, user.id)).user_metadata).toEqual({ firstName: 'Augusta', lastName: 'King' });
});

it('keeps both of two concurrent updates of different fields sent without a read, one through each replica', async () => {
  for (let trial = 0; trial < 4; trial++) {
    const user = await freshUser();
    await me(t.a.url, user.token);
    await resetCounts(t.tenant.url);
    // The first PATCH to arrive is applied last.
    await injectFault(t.tenant.url, { route: ROUTES.patchUser, delayMs: 300 });
    const updates = [update(t.a.url, user.token, { firstName: `Alan ${trial}` }), update(t.b.url, user.token, { lastName: `Turing ${trial}` })];
    await Promise.all(trial % 2 === 0 ? updates : updates.reverse());
    expect(await userCalls(t.tenant.url)).toEqual({ reads: 0, patches: 2, all: 2 });
    const stored = (await storedUser(t.tenant.url, user.id)).user_metadata;
    expect({ trial, stored }).toEqual({ trial, stored: { firstName: `Alan ${trial}`, lastName: `Turing ${trial}` } });
    for (const api of [t.a, t.b]) expect(await me(api.url, user.token)).toMatchObject({ firstName: `Alan ${trial}`, lastName: `Turing ${trial}` });
  }
}, 30_000);

it('writes what the user asked for, aliases gone, when the tenant changed behind the shared copy; B shows it', async () => {
  const user = await freshUser();
  await me(t.b.url, user.token);
  await patchStoredUser(t.tenant.url, user.id, { user_metadata: { firstName: 'Other', lastName: null, last_name: 'Legacy' } });
  expect(await update(t.a.url, user.token, { lastName: 'King' })).toMatchObject({ firstName: 'Other', lastName: 'King' });
  expect((await storedUser(t.tenant.url, user.id)).user_metadata).toEqual({ firstName: 'Other', lastName: 'King' });
  expect(await me(t.b.url, user.token)).toMatchObject({ firstName: 'Other', lastName: 'King' });
});
