// Two API instances sharing one Redis: a deletion through replica A leaves no replica answering
// a profile for the deleted user (cached, last-known or replayed), even while the tenant answers
// 503; the password reset limit holds across the fleet.
import { injectFault, ROUTES, userToken } from 'local-auth0/testing';
import { addFreshUser } from '../support/fresh-user';
import { useTwoReplicas } from './two-replicas';
import { errorCode, gql, ME } from '../support/graphql';
import { appOperation } from 'test-support';

const DELETE_ACCOUNT = appOperation('DeleteMyAccount');
const SEND_RESET = appOperation('SendPasswordResetEmail');

const t = useTwoReplicas({}, { reset: 'each' });

async function freshUser(): Promise<{ id: string; email: string; token: string }> {
  const user = await addFreshUser(t.tenant.url);
  return { ...user, token: await userToken(t.tenant.url, { sub: user.id }) };
}

it('answers NOT_FOUND on both replicas after a deletion through A, never a cached, replayed or last-known profile', async () => {
  const user = await freshUser();
  // Both replicas have answered (cache, response cache, last-known copies in Redis and in each process).
  for (const api of [t.a, t.b, t.a, t.b]) expect((await gql(api.url, ME, { token: user.token })).body.data?.me).toMatchObject({ email: user.email });
  expect((await gql(t.a.url, DELETE_ACCOUNT, { token: user.token, variables: { confirm: user.email } })).body.data).toEqual({ deleteMyAccount: true });
  for (const api of [t.b, t.a]) expect(errorCode(await gql(api.url, ME, { token: user.token }))).toBe('NOT_FOUND');
  await injectFault(t.tenant.url, { route: ROUTES.getUser, status: 503, times: 20 });
  for (const api of [t.b, t.a, t.b]) {
    const answer = await gql(api.url, ME, { token: user.token });
    expect(errorCode(answer)).toBe('NOT_FOUND');
    expect(answer.body.data).toBeNull();
  }
});

it('refuses a second reset mail on B a moment after one went out through A', async () => {
  const user = await freshUser();
  expect((await gql(t.a.url, SEND_RESET, { token: user.token })).body.data).toEqual({ sendPasswordResetEmail: true });
  const second = await gql(t.b.url, SEND_RESET, { token: user.token });
  expect(errorCode(second)).toBe('RATE_LIMITED');
  expect(second.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(50);
});
