// Legacy user_metadata keys declared as aliases in the shape: read when the canonical key is
// empty; a save of a field writes its canonical key and deletes that field's aliases. Against the seeded local tenant.
import { injectFault, resetTenant, ROUTES, storedUser, userToken } from 'local-auth0/testing';
import { callsOf } from './hardening/harness';
import { gql, ME, UPDATE } from './support/graphql';
import { ADA, ALAN, GRACE } from './support/stack';
import { useStack } from './support/use-stack';

jest.setTimeout(30_000);

// Twenty updates of one user in the concurrency test.
const stack = useStack({ env: { UPDATE_RATE_LIMIT_PER_MINUTE: '100' } });

async function tokenFor(email: string): Promise<string> {
  return userToken(stack.tenant.url, { email });
}

async function profileOf(token: string) {
  const res = await gql(stack.api.url, ME, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.me as { firstName: string | null; lastName: string | null };
}

it('shows alan\'s last name "Turing", stored under the legacy key lastname, and his canonical first name', async () => {
  expect(await profileOf(await tokenFor('alan@example.com'))).toMatchObject({ firstName: 'Alan', lastName: 'Turing' });
});

it("moves the field alan saves to its canonical key and deletes its aliases, in one PATCH; his other field keeps its legacy key", async () => {
  const token = await tokenFor('alan@example.com');
  const res = await gql(stack.api.url, UPDATE, { token, variables: { input: { lastName: 'Turing-Smith' } } });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.updateProfile).toMatchObject({ firstName: 'Alan', lastName: 'Turing-Smith' });
  expect(await callsOf(stack.tenant.url, 'PATCH /api/v2/users/:id')).toBe(1);
  expect((await storedUser(stack.tenant.url, ALAN)).user_metadata).toEqual({ firstName: 'Alan', firstNAme: 'Al', lastName: 'Turing-Smith' });
  expect(await profileOf(token)).toMatchObject({ firstName: 'Alan', lastName: 'Turing-Smith' });
});

it('keeps both changes of ten concurrent pairs of updates of different fields for alan (aliases present)', async () => {
  const token = await tokenFor('alan@example.com');
  for (let trial = 0; trial < 10; trial++) {
    await resetTenant(stack.tenant.url);
    // Auth0's latency, made certain: both reads see the same user, and the first PATCH to
    // arrive is applied last.
    await injectFault(stack.tenant.url, { route: ROUTES.patchUser, delayMs: 300 });
    const updates = [{ firstName: `Alan ${trial}` }, { lastName: `Turing ${trial}` }];
    if (trial % 2 === 1) updates.reverse();
    const answers = await Promise.all(updates.map((input) => gql(stack.api.url, UPDATE, { token, variables: { input } })));
    expect(answers.map((answer) => answer.body.errors)).toEqual([undefined, undefined]);
    const stored = (await storedUser(stack.tenant.url, ALAN)).user_metadata;
    expect({ trial, firstName: stored?.firstName, lastName: stored?.lastName }).toEqual({ trial, firstName: `Alan ${trial}`, lastName: `Turing ${trial}` });
  }
});

it('clearing a field also deletes its aliases, so the legacy value does not come back', async () => {
  const token = await tokenFor('alan@example.com');
  const res = await gql(stack.api.url, UPDATE, { token, variables: { input: { lastName: null } } });
  expect(res.body.errors).toBeUndefined();
  expect((await storedUser(stack.tenant.url, ALAN)).user_metadata).toEqual({ firstName: 'Alan', firstNAme: 'Al' });
  expect(await profileOf(token)).toMatchObject({ firstName: 'Alan', lastName: null });
});

it('leaves grace and ada as they are, before and after their own saves', async () => {
  const before = {
    ada: (await storedUser(stack.tenant.url, ADA)).user_metadata,
    grace: (await storedUser(stack.tenant.url, GRACE)).user_metadata,
  };
  expect(before).toEqual({ ada: { firstName: 'Ada', lastName: 'Lovelace' }, grace: { firstName: 'Grace', lastName: 'Hopper' } });
  await gql(stack.api.url, UPDATE, { token: await tokenFor('alan@example.com'), variables: { input: { firstName: 'Alan' } } });
  expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toEqual(before.ada);
  expect((await storedUser(stack.tenant.url, GRACE)).user_metadata).toEqual(before.grace);

  const res = await gql(stack.api.url, UPDATE, { token: await tokenFor('grace@example.com'), variables: { input: { firstName: 'Grace B.' } } });
  expect(res.body.errors).toBeUndefined();
  expect((await storedUser(stack.tenant.url, GRACE)).user_metadata).toEqual({ firstName: 'Grace B.', lastName: 'Hopper' });
});
