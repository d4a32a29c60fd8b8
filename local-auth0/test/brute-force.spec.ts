import { json, post, useTenant } from './helpers';
import { ADA_LOGIN, authorizeQuery, form, login, pkce } from './oidc-helpers';

const tenant = useTenant();

const BLOCKED = 'Your account has been blocked after multiple consecutive login attempts.';
const ALAN_LOGIN = { email: 'alan@example.com', password: 'Alan-Turing-1912' };

const loginPage = (credentials: { email: string; password: string }) => login(tenant, authorizeQuery(pkce().challenge), credentials);
const passwordGrant = (username: string, password: string) =>
  fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'password', client_id: 'local-spa', username, password, scope: 'openid' }));

async function failLogins(times: number, email = ADA_LOGIN.email): Promise<void> {
  for (let i = 0; i < times; i += 1) expect((await loginPage({ email, password: `wrong-${i}` })).response.status).toBe(401);
}

describe('brute-force protection (10 consecutive failures per user and IP)', () => {
  it('blocks the login page after 10 wrong passwords, even for the right one, with Auth0\'s message', async () => {
    await failLogins(10);
    const { response, cookie, code } = await loginPage(ADA_LOGIN);
    expect(response.status).toBe(429);
    expect(await response.text()).toContain(BLOCKED);
    expect(cookie).toBeUndefined();
    expect(code).toBeUndefined();
  });

  it('blocks the password grant of the same pair with too_many_attempts', async () => {
    await failLogins(10, 'ADA@example.com');
    const res = await passwordGrant(ADA_LOGIN.email, ADA_LOGIN.password);
    expect(res.status).toBe(429);
    expect(await json(res)).toEqual({ error: 'too_many_attempts', error_description: BLOCKED });
  });

  it('counts wrong passwords at the password grant too', async () => {
    for (let i = 0; i < 10; i += 1) expect((await passwordGrant(ADA_LOGIN.email, `wrong-${i}`)).status).toBe(403);
    expect((await loginPage(ADA_LOGIN)).response.status).toBe(429);
  });

  it('blocks only that user: another user from the same IP still signs in', async () => {
    await failLogins(10);
    expect((await loginPage(ALAN_LOGIN)).response.status).toBe(302);
  });

  it('counts consecutive failures only: a success starts the count again', async () => {
    await failLogins(9);
    expect((await loginPage(ADA_LOGIN)).response.status).toBe(302);
    await failLogins(9);
    expect((await loginPage(ADA_LOGIN)).response.status).toBe(302);
  });

  it('lets no burst of concurrent guesses through: 30 at once, then the right password is refused', async () => {
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => passwordGrant(ADA_LOGIN.email, `guess-${i}`)));
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 403)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect((await passwordGrant(ADA_LOGIN.email, ADA_LOGIN.password)).status).toBe(429);
  });

  it('is lifted by /__local/reset', async () => {
    await failLogins(10);
    await post(`${tenant.url}/__local/reset`, {});
    expect((await loginPage(ADA_LOGIN)).response.status).toBe(302);
  });
});
