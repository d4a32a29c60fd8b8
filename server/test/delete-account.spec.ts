// deleteMyAccount through the API: each refusal writes nothing and mails nothing; a deletion
// removes the user at the tenant, mails a notice, and a token issued before it gets no profile
// after it (the not-found error), not even a last-known copy while the tenant fails.
import { allUsers, injectFault, readCounts, resetCounts, ROUTES, userToken } from 'local-auth0/testing';
import { addFreshUser } from './support/fresh-user';
import { errorCode, gql, ME } from './support/graphql';
import { appOperation } from 'test-support';
import { useStack } from './support/use-stack';

const DELETE_ACCOUNT = appOperation('DeleteMyAccount');
const MY_DATA = appOperation('MyData');

const stack = useStack({ mail: true });

const freshUser = () => addFreshUser(stack.tenant.url, { firstName: 'Leaving' });

const deleteAccount = (token: string, confirm: string) => gql(stack.api.url, DELETE_ACCOUNT, { token, variables: { confirm } });
const exists = async (id: string) => (await allUsers(stack.tenant.url)).some((user) => user.user_id === id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

async function expectNothingDone(id: string): Promise<void> {
  expect((await readCounts(stack.tenant.url))[ROUTES.deleteUser] ?? 0).toBe(0);
  expect(await exists(id)).toBe(true);
  await settle();
  expect(stack.catcher.messages()).toEqual([]);
}

describe('deleteMyAccount refusals write nothing and send nothing', () => {
  it('refuses a wrong confirmation with BAD_USER_INPUT on the field confirm', async () => {
    const user = await freshUser();
    const result = await deleteAccount(await userToken(stack.tenant.url, { sub: user.id }), 'someone-else@example.com');
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ field: 'confirm', rule: 'confirmationMismatch' });
    await expectNothingDone(user.id);
  });

  it.each([
    ['a sign-in older than 300 s', Math.floor(Date.now() / 1000) - 301],
    ['a token without the sign-in claim', null],
  ])('refuses %s with HTTP 401 INSUFFICIENT_USER_AUTHENTICATION before reading anything', async (_case, authTime) => {
    const user = await freshUser();
    await resetCounts(stack.tenant.url);
    const result = await deleteAccount(await userToken(stack.tenant.url, { sub: user.id, authTime }), user.email);
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('INSUFFICIENT_USER_AUTHENTICATION');
    expect(result.headers.get('www-authenticate')).toContain('error="insufficient_user_authentication"');
    expect((await readCounts(stack.tenant.url))[ROUTES.getUser] ?? 0).toBe(0);
    await expectNothingDone(user.id);
  });

  it('needs update:profile', async () => {
    const user = await freshUser();
    const result = await deleteAccount(await userToken(stack.tenant.url, { sub: user.id, scope: 'openid read:profile' }), user.email);
    expect(result.status).toBe(403);
    await expectNothingDone(user.id);
  });

  it('answers UPSTREAM_UNAVAILABLE when the DELETE fails; the account and its profile stay', async () => {
    const user = await freshUser();
    const token = await userToken(stack.tenant.url, { sub: user.id });
    await injectFault(stack.tenant.url, { route: ROUTES.deleteUser, status: 503 });
    expect(errorCode(await deleteAccount(token, user.email))).toBe('UPSTREAM_UNAVAILABLE');
    expect(await exists(user.id)).toBe(true);
    expect((await gql(stack.api.url, ME, { token })).body.data?.me).toMatchObject({ email: user.email });
    await settle();
    expect(stack.catcher.messages()).toEqual([]);
  });
});

describe('a deletion', () => {
  it('deletes the user at the tenant with one DELETE, confirmed by the address in any case, and mails a notice', async () => {
    const user = await freshUser();
    const result = await deleteAccount(await userToken(stack.tenant.url, { sub: user.id }), `  ${user.email.toUpperCase()} `);
    expect(result.body).toEqual({ data: { deleteMyAccount: true } });
    expect((await readCounts(stack.tenant.url))[ROUTES.deleteUser]).toBe(1);
    expect(await exists(user.id)).toBe(false);
    const notice = await stack.catcher.waitForMail(user.email);
    expect(notice.subject).toBe('Your account has been deleted');
    expect(notice.text).toContain(`The account ${user.email} was deleted on`);
  });

  it('leaves a token issued before it no profile anywhere: me and myData answer NOT_FOUND', async () => {
    const user = await freshUser();
    const token = await userToken(stack.tenant.url, { sub: user.id });
    expect((await gql(stack.api.url, ME, { token })).body.data?.me).toMatchObject({ firstName: 'Leaving' });
    await deleteAccount(token, user.email);
    for (const query of [ME, MY_DATA]) {
      const after = await gql(stack.api.url, query, { token });
      expect(errorCode(after)).toBe('NOT_FOUND');
      expect(after.body.errors?.[0]?.message).toBe('Your account no longer exists');
    }
  });

  it('never answers the last-known profile afterwards, even while the tenant answers 503', async () => {
    const user = await freshUser();
    const token = await userToken(stack.tenant.url, { sub: user.id });
    await gql(stack.api.url, ME, { token });
    await deleteAccount(token, user.email);
    await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 503, times: 10 });
    const after = await gql(stack.api.url, ME, { token });
    expect(errorCode(after)).toBe('NOT_FOUND');
    expect(after.body.data).toBeNull();
  });

  it('counts an account the tenant no longer has as deleted (a retry after a timeout)', async () => {
    const user = await freshUser();
    const token = await userToken(stack.tenant.url, { sub: user.id });
    await gql(stack.api.url, ME, { token });
    await injectFault(stack.tenant.url, { route: ROUTES.deleteUser, status: 404, body: { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' } });
    expect((await deleteAccount(token, user.email)).body.data).toEqual({ deleteMyAccount: true });
  });
});
