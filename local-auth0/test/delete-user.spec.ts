import { userToken } from '../src/testing';
import { ADA, ALAN, counts, json, managementToken, post, useTenant, userPath } from './helpers';
import { ADA_LOGIN, authorizeQuery, form, login, pkce } from './oidc-helpers';

const tenant = useTenant();

const remove = (id: string, token: string) => fetch(userPath(tenant, id), { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
const read = async (id: string) => fetch(userPath(tenant, id), { headers: { authorization: `Bearer ${await managementToken(tenant)}` } });

describe('DELETE /api/v2/users/{id}', () => {
  it('answers 204 with no body and the user is gone (GET answers 404 inexistent_user)', async () => {
    const res = await remove(ADA, await managementToken(tenant));
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const after = await read(ADA);
    expect(after.status).toBe(404);
    expect(await json(after)).toMatchObject({ statusCode: 404, errorCode: 'inexistent_user', message: 'The user does not exist.' });
    expect((await read(ALAN)).status).toBe(200);
  });

  it('answers 404 inexistent_user for a user that does not exist (a second delete)', async () => {
    const token = await managementToken(tenant);
    await remove(ADA, token);
    const res = await remove(ADA, token);
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
  });

  it('needs delete:users: a client holding only read:users gets 403 insufficient_scope and nothing is deleted', async () => {
    const res = await remove(ADA, await managementToken(tenant, 'read:users'));
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ errorCode: 'insufficient_scope', message: 'Insufficient scope, expected any of: delete:users,delete:current_user' });
    expect((await read(ADA)).status).toBe(200);
  });

  it("refuses a user's own token for another API (401)", async () => {
    const res = await remove(ADA, await userToken(tenant.url, { email: 'ada@example.com' }));
    expect(res.status).toBe(401);
  });

  it('is counted and can be faulted like the other users endpoints', async () => {
    await post(`${tenant.url}/__local/faults`, { route: 'DELETE /api/v2/users/:id', status: 503 });
    expect((await remove(ADA, await managementToken(tenant))).status).toBe(503);
    expect((await read(ADA)).status).toBe(200);
    expect((await counts(tenant))['DELETE /api/v2/users/:id']).toBe(1);
  });

  it('ends the user\'s sign-ins: the password no longer works and their refresh tokens are revoked', async () => {
    const grant = await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'password', client_id: 'local-spa', username: ADA_LOGIN.email, password: ADA_LOGIN.password, scope: 'openid offline_access' }));
    const { refresh_token: refreshToken } = await json<{ refresh_token: string }>(grant);
    await remove(ADA, await managementToken(tenant));
    const refresh = await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'refresh_token', client_id: 'local-spa', refresh_token: refreshToken }));
    expect(refresh.status).toBe(403);
    const { response } = await login(tenant, authorizeQuery(pkce().challenge), ADA_LOGIN);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Wrong email or password.');
  });
});

describe('POST /__local/users with a password', () => {
  it('adds a database user who can sign in at once', async () => {
    const user = { user_id: 'auth0|0123456789abcdef01234567', email: 'fresh@example.com', password: 'Fresh-User-2026' };
    expect((await post(`${tenant.url}/__local/users`, { users: [user] })).status).toBe(201);
    const { response } = await login(tenant, authorizeQuery(pkce().challenge), { email: user.email, password: user.password });
    expect(response.status).toBe(302);
  });

  it('refuses a password for a social user', async () => {
    const res = await post(`${tenant.url}/__local/users`, { users: [{ user_id: 'google-oauth2|123', email: 'g@example.com', password: 'Xx-123456' }] });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ message: 'users[0].password must be a string of 1 to 72 characters, for an auth0| user' });
  });
});
