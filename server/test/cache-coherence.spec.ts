// The profile cache as `me` sees it, counted at the tenant: an update's fresh read and its PATCH
// answer are served afterwards without reading again, and a failed PATCH (which may still have been
// applied) makes the next `me` ask upstream.
import { gql, ME, UPDATE } from './support/graphql';
import { ADA, startApi } from './support/stack';
import { injectFault, storedUser } from 'local-auth0/testing';
import { callsOf } from './hardening/harness';
import { useStack } from './support/use-stack';

jest.setTimeout(20_000);

const READ = 'GET /api/v2/users/:id';
const WRITE = 'PATCH /api/v2/users/:id';

const stack = useStack({ signIn: ['ada'] });

/** A fresh API (empty cache, 5 min TTL) in front of the shared tenant. */
async function withApi(run: (me: () => Promise<unknown>, update: (input: object) => ReturnType<typeof gql>) => Promise<void>) {
  const api = await startApi(stack.tenant.url, { PROFILE_CACHE_TTL_SECONDS: '300', UPDATE_RATE_LIMIT_PER_MINUTE: '1000' });
  try {
    const me = async () => (await gql(api.url, ME, { token: stack.tokens.ada })).body.data?.me;
    const update = (input: object) => gql(api.url, UPDATE, { token: stack.tokens.ada, variables: { input } });
    await run(me, update);
  } finally {
    await api.close();
  }
}

const reads = () => callsOf(stack.tenant.url, READ);

it('serves me from the fresh read of an update that changed nothing', async () => {
  await withApi(async (me, update) => {
    expect((await update({ firstName: 'Ada' })).body.errors).toBeUndefined();
    expect(await reads()).toBe(1);
    expect(await callsOf(stack.tenant.url, WRITE)).toBe(0);
    expect(await me()).toMatchObject({ id: ADA, firstName: 'Ada' });
    expect(await reads()).toBe(1);
  });
});

it('serves me from the PATCH answer after an update', async () => {
  await withApi(async (me, update) => {
    await update({ firstName: 'Augusta' });
    expect(await me()).toMatchObject({ firstName: 'Augusta' });
    expect(await reads()).toBe(1);
  });
});

it('asks upstream again after a PATCH that failed, and shows what was really stored', async () => {
  await withApi(async (me, update) => {
    expect(await me()).toMatchObject({ firstName: 'Ada' });
    // The PATCH is applied but its answer never arrives in time (AUTH0_TIMEOUT_MS is 1 s).
    await injectFault(stack.tenant.url, { route: WRITE, delayMs: 1_500 });
    expect((await update({ firstName: 'Timed' })).body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toMatchObject({ firstName: 'Timed' });
    const before = await reads();
    expect(await me()).toMatchObject({ firstName: 'Timed' });
    expect(await reads()).toBe(before + 1);
  });
});

it('asks upstream again after a PATCH answered 500', async () => {
  await withApi(async (me, update) => {
    await me();
    await injectFault(stack.tenant.url, { route: WRITE, status: 500 });
    await update({ firstName: 'Broken' });
    const before = await reads();
    expect(await me()).toMatchObject({ firstName: 'Ada' });
    expect(await reads()).toBe(before + 1);
  });
});
