// The upstream budget through the tenant's counts: profile reads are cached per user (one in-flight
// fetch, write-through on update) and updateProfile is limited per user before any upstream call.
import { errorCode, gql, ME, UPDATE } from '../support/graphql';
import { ADA } from '../support/stack';
import { storedUser } from 'local-auth0/testing';
import { callsOf } from './harness';
import { useStack } from '../support/use-stack';

jest.setTimeout(30_000); // starting a tenant (RSA keys) can take seconds on a busy machine

const READ = 'GET /api/v2/users/:id';
const WRITE = 'PATCH /api/v2/users/:id';

const stack = useStack({ env: { UPDATE_RATE_LIMIT_PER_MINUTE: '3', PROFILE_CACHE_TTL_SECONDS: '30' }, signIn: ['ada', 'alan'] });

const rename = (token: string, firstName: string) => gql(stack.api.url, UPDATE, { token, variables: { input: { firstName } } });

describe('profile cache', () => {
  it('answers 20 concurrent me calls of one user with a single user read, and later ones with none', async () => {
    const first = await Promise.all(Array.from({ length: 20 }, () => gql(stack.api.url, ME, { token: stack.tokens.ada })));
    expect(first.every((res) => (res.body.data?.me as { id: string }).id === ADA)).toBe(true);
    expect(await callsOf(stack.tenant.url, READ)).toBe(1);
    await gql(stack.api.url, ME, { token: stack.tokens.ada });
    expect(await callsOf(stack.tenant.url, READ)).toBe(1);
  });

  it('serves what an update wrote without reading it back', async () => {
    const updated = await rename(stack.tokens.ada, 'Augusta');
    expect(updated.body.errors).toBeUndefined();
    const readsAfterUpdate = await callsOf(stack.tenant.url, READ);
    const seen = await gql(stack.api.url, ME, { token: stack.tokens.ada });
    expect(seen.body.data?.me).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace' });
    expect(await callsOf(stack.tenant.url, READ)).toBe(readsAfterUpdate);
    expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toEqual({ firstName: 'Augusta', lastName: 'Lovelace' });
  });
});

describe('updateProfile rate limit', () => {
  it('answers RATE_LIMITED with retryAfterSeconds past the limit, before any upstream call', async () => {
    for (const name of ['One', 'Two', 'Three']) expect((await rename(stack.tokens.alan, name)).body.errors).toBeUndefined();
    const reads = await callsOf(stack.tenant.url, READ);
    const writes = await callsOf(stack.tenant.url, WRITE);
    const refused = await rename(stack.tokens.alan, 'Four');
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    const retry = refused.body.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(refused.body.data ?? null).toBeNull();
    expect(await callsOf(stack.tenant.url, READ)).toBe(reads);
    expect(await callsOf(stack.tenant.url, WRITE)).toBe(writes);
    expect((await storedUser(stack.tenant.url, 'auth0|65a0b1c2d3e4f50617283940')).user_metadata).toMatchObject({ firstName: 'Three' });
  });

  it('limits each user separately and leaves reads alone', async () => {
    expect(errorCode(await rename(stack.tokens.alan, 'Five'))).toBe('RATE_LIMITED');
    expect((await gql(stack.api.url, ME, { token: stack.tokens.alan })).body.errors).toBeUndefined();
    expect((await rename(stack.tokens.ada, 'Ada')).body.errors).toBeUndefined();
  });
});
