import { gql, ME, UPDATE } from './support/graphql';
import { useStack } from './support/use-stack';
import { readCounts, resetCounts, userToken } from 'local-auth0/testing';

const stack = useStack();

const PATCH = 'PATCH /api/v2/users/:id';

it('makes exactly one client_credentials token request for 20 concurrent me calls after start', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  await resetCounts(stack.tenant.url);
  const results = await Promise.all(Array.from({ length: 20 }, () => gql(stack.api.url, ME, { token })));
  expect(results.every((r) => r.status === 200 && r.body.errors === undefined)).toBe(true);
  const counts = await readCounts(stack.tenant.url);
  expect(counts['POST /oauth/token']).toBe(1);
  expect(counts['POST /oauth/token client_credentials']).toBe(1);
});

describe('writes', () => {
  let token: string;
  beforeEach(async () => {
    token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
    // The tenant was reset behind the API, whose cache may still hold the last test's write:
    // saving the seed's names through the API puts the tenant's state back in the cache.
    await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Ada', lastName: 'Lovelace' } } });
    await gql(stack.api.url, ME, { token });
    await resetCounts(stack.tenant.url);
  });

  it('sends exactly one PATCH for an update of several fields', async () => {
    const result = await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Augusta', lastName: 'King' } } });
    expect(result.body.errors).toBeUndefined();
    expect((await readCounts(stack.tenant.url))[PATCH]).toBe(1);
  });

  it('sends no PATCH for an update that changes nothing', async () => {
    const result = await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: ' Ada ', lastName: 'Lovelace' } } });
    expect(result.body.data?.updateProfile).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
    expect((await readCounts(stack.tenant.url))[PATCH] ?? 0).toBe(0);
  });

  it('sends no PATCH for an empty input', async () => {
    const result = await gql(stack.api.url, UPDATE, { token, variables: { input: {} } });
    expect(result.body.data?.updateProfile).toMatchObject({ firstName: 'Ada' });
    expect((await readCounts(stack.tenant.url))[PATCH] ?? 0).toBe(0);
  });
});
