// The tenant's key set failing (5xx, unreadable) while a token is not yet cached: the token cannot be
// judged, so the answer is 503 UPSTREAM_UNAVAILABLE (an app treats 401 as "sign in again"), and the
// outage costs one key set fetch per failure cooldown, not one per request.
import { errorCode, gql, ME, type GraphQLResult } from '../support/graphql';
import { startApi } from '../support/stack';
import { injectFault, resetCounts, ROUTES } from 'local-auth0/testing';
import { callsOf } from './harness';
import { useStack } from '../support/use-stack';

jest.setTimeout(30_000);

const stack = useStack({ signIn: ['ada'] });

function expectUnavailable(res: GraphQLResult) {
  expect(res.status).toBe(503);
  expect(errorCode(res)).toBe('UPSTREAM_UNAVAILABLE');
  expect(res.body.errors?.[0]?.message).toBe('The identity service is not answering; try again shortly');
  expect(res.headers.get('www-authenticate')).toBeNull();
  expect(res.body.data ?? null).toBeNull();
}

/** Until /readyz answers 200: the readiness probe has loaded the signing keys (its own fetch, not counted). */
async function untilReady(apiUrl: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await fetch(`${apiUrl}/readyz`)).status !== 200) {
    if (Date.now() > deadline) throw new Error('the API did not get ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function withFreshApi(env: Record<string, string>, run: (apiUrl: string) => Promise<void>) {
  const api = await startApi(stack.tenant.url, env);
  try {
    await untilReady(api.url);
    await resetCounts(stack.tenant.url);
    await run(api.url);
  } finally {
    await api.close();
  }
}

it.each([500, 502, 503])('answers 503 UPSTREAM_UNAVAILABLE, not 401, when the key set answers %i', async (status) => {
  await withFreshApi({}, async (apiUrl) => {
    await injectFault(stack.tenant.url, { route: ROUTES.jwks, status, times: 50 });
    expectUnavailable(await gql(apiUrl, ME, { token: stack.tokens.ada }));
  });
});

it('answers 503 when the key set is unreadable', async () => {
  await withFreshApi({}, async (apiUrl) => {
    await injectFault(stack.tenant.url, { route: ROUTES.jwks, status: 200, body: 'broken', times: 50 });
    expectUnavailable(await gql(apiUrl, ME, { token: stack.tokens.ada }));
  });
});

it('asks the failing key set once per failure cooldown, not once per request', async () => {
  await withFreshApi({ JWKS_COOLDOWN_MS: '60000' }, async (apiUrl) => {
    await injectFault(stack.tenant.url, { route: ROUTES.jwks, status: 503, times: 50 });
    await resetCounts(stack.tenant.url);
    for (let i = 0; i < 5; i += 1) expectUnavailable(await gql(apiUrl, ME, { token: stack.tokens.ada }));
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => gql(apiUrl, ME, { token: stack.tokens.ada })));
    concurrent.forEach(expectUnavailable);
    expect(await callsOf(stack.tenant.url, ROUTES.jwks)).toBe(1);
  });
});

it('accepts the token again once the key set is back and the failure cooldown has passed', async () => {
  await withFreshApi({ JWKS_COOLDOWN_MS: '1000' }, async (apiUrl) => {
    await injectFault(stack.tenant.url, { route: ROUTES.jwks, status: 500, times: 1 });
    expectUnavailable(await gql(apiUrl, ME, { token: stack.tokens.ada }));
    const deadline = Date.now() + 15_000;
    let res = await gql(apiUrl, ME, { token: stack.tokens.ada });
    while (res.status !== 200 && Date.now() < deadline) {
      expectUnavailable(res);
      await new Promise((resolve) => setTimeout(resolve, 200));
      res = await gql(apiUrl, ME, { token: stack.tokens.ada });
    }
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(await callsOf(stack.tenant.url, ROUTES.jwks)).toBe(2);
  });
});

it('still refuses a forged token with 401 while the key set is healthy', async () => {
  await withFreshApi({}, async (apiUrl) => {
    const [header, payload] = stack.tokens.ada.split('.');
    const res = await gql(apiUrl, ME, { token: `${header}.${payload}.${'A'.repeat(342)}` });
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});
