// Legacy user_metadata keys declared as aliases in the shape: read when the canonical key is
// empty, moved to it and deleted by the user's first save. Against the seeded local tenant.
import { resetTenant, storedUser, userToken } from 'local-auth0/testing';
import { callsOf } from './hardening/harness';
import { gql, ME, UPDATE } from './support/graphql';
import { ADA, ALAN, GRACE, startStack, type Stack } from './support/stack';

jest.setTimeout(30_000);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => resetTenant(stack.tenant.url));

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

it('leaves only canonical keys in alan\'s user_metadata after his first save, in one PATCH', async () => {
  const token = await tokenFor('alan@example.com');
  const res = await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Alan M.' } } });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.updateProfile).toMatchObject({ firstName: 'Alan M.', lastName: 'Turing' });
  expect(await callsOf(stack.tenant.url, 'PATCH /api/v2/users/:id')).toBe(1);
  expect((await storedUser(stack.tenant.url, ALAN)).user_metadata).toEqual({ firstName: 'Alan M.', lastName: 'Turing' });
  expect(await profileOf(token)).toMatchObject({ firstName: 'Alan M.', lastName: 'Turing' });
});

it('clearing a field also deletes its aliases, so the legacy value does not come back', async () => {
  const token = await tokenFor('alan@example.com');
  const res = await gql(stack.api.url, UPDATE, { token, variables: { input: { lastName: null } } });
  expect(res.body.errors).toBeUndefined();
  expect((await storedUser(stack.tenant.url, ALAN)).user_metadata).toEqual({ firstName: 'Alan' });
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
