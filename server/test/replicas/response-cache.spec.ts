import { injectFault, ROUTES, userToken } from 'local-auth0/testing';
import { useTwoReplicas } from './two-replicas';
import { errorCode, gql, ME, UPDATE } from '../support/graphql';
import { collideWithVictim } from '../support/key-collision';

// Two replicas sharing one Redis, each with its per-user response cache for `me`: an answer is
// replayed only after the token and read:profile are checked and only while the shared profile
// cache holds the version it was built from.

const ORIGIN = 'http://localhost:4200';
const t = useTwoReplicas({ CORS_ORIGINS: ORIGIN });

async function meOn(server: { url: string }, token: string) {
  const result = await gql(server.url, ME, { token });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.me as Record<string, unknown>;
}

it('answers on replica B an update made through replica A, though B had answered the same me twice before', async () => {
  const token = await userToken(t.tenant.url, { email: 'ada@example.com' });
  await meOn(t.b, token);
  const before = await meOn(t.b, token);
  const saved = await gql(t.a.url, UPDATE, { token, variables: { input: { firstName: 'Replayed' } } });
  expect(saved.body.errors).toBeUndefined();
  const after = await meOn(t.b, token);
  expect(after).toMatchObject({ firstName: 'Replayed' });
  expect(after.updatedAt).not.toBe(before.updatedAt);
});

it('runs every HTTP-layer protection on a replayed answer: request id, security headers, CORS, same body', async () => {
  const token = await userToken(t.tenant.url, { email: 'alan@example.com' });
  const first = await gql(t.b.url, ME, { token, headers: { origin: ORIGIN, 'x-request-id': 'first-me' } });
  const second = await gql(t.b.url, ME, { token, headers: { origin: ORIGIN, 'x-request-id': 'second-me' } });
  expect(second.body).toEqual(first.body);
  expect(second.headers.get('x-request-id')).toBe('second-me');
  expect(second.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
  expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
});

it('refuses a token without read:profile for a user whose me answer is cached', async () => {
  const full = await userToken(t.tenant.url, { email: 'grace@example.com' });
  await meOn(t.b, full);
  await meOn(t.b, full);
  const updateOnly = await userToken(t.tenant.url, { email: 'grace@example.com', scope: 'update:profile' });
  const refused = await gql(t.b.url, ME, { token: updateOnly });
  expect(refused.status).toBe(403);
  expect(errorCode(refused)).toBe('FORBIDDEN');
  expect(refused.body.data?.me ?? null).toBeNull();
});

it('refuses an expired token whose me answer was cached while it was valid', async () => {
  const shortLived = await userToken(t.tenant.url, { email: 'ada@example.com', expiresIn: 2 });
  await meOn(t.b, shortLived);
  await meOn(t.b, shortLived);
  // Past `exp` and the verifier's 5 s clock tolerance.
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  const refused = await gql(t.b.url, ME, { token: shortLived });
  expect(refused.status).toBe(401);
  expect(errorCode(refused)).toBe('UNAUTHENTICATED');
  expect(refused.body.data?.me ?? null).toBeNull();
}, 20_000);

it('never keeps a last-known answer: the mark goes away with the fault, and a cached answer never hides the fault', async () => {
  const token = await userToken(t.tenant.url, { email: 'alan@example.com' });
  await meOn(t.b, token);
  await meOn(t.b, token);
  // A failed PATCH drops the shared cached profile, so the next me must read Auth0 again.
  await injectFault(t.tenant.url, { route: ROUTES.patchUser, status: 500, times: 2 });
  const failed = await gql(t.a.url, UPDATE, { token, variables: { input: { firstName: 'Never' } } });
  expect(failed.body.errors).toBeDefined();
  // One me's read and its retry fail: B answers the last-known profile, of the same version.
  await injectFault(t.tenant.url, { route: ROUTES.getUser, status: 503, times: 2 });
  expect(await meOn(t.b, token)).toMatchObject({ lastKnown: { reason: 'UPSTREAM_ERROR' } });
  // A reads Auth0 again and stores that same version: a kept last-known answer on B would match it.
  expect(await meOn(t.a, token)).toMatchObject({ lastKnown: null });
  expect(await meOn(t.b, token)).toMatchObject({ lastKnown: null });
  expect(await meOn(t.b, token)).toMatchObject({ lastKnown: null });
});

it("never answers on B a user whose id, Accept, operation name and query spell another user's key with newlines, with that user's profile cached through A", async () => {
  const { victimEmail, attack } = await collideWithVictim(t.tenant.url, t.b.url, t.a.url);
  expect(attack.text).not.toContain(victimEmail);
  expect(attack.status).not.toBe(200);
});
