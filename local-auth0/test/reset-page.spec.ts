// The reset mail of /dbconnections/change_password, sent over real SMTP to a real catcher, and
// the page behind its link: single use, expiry, the connection's password policy, and what a
// changed password does (works at once, refresh tokens revoked, brute-force block lifted).
import { linkIn } from 'test-support/mail-catcher';
import { json, post, startTenant, useTenant } from './helpers';
import { ADA_LOGIN, authorizeQuery, form, login, pkce } from './oidc-helpers';

const tenant = useTenant({ mail: true });

const NEW_PASSWORD = 'Countess-of-Lovelace-1843';

async function resetLink(email = ADA_LOGIN.email, tenantUrl = tenant.url): Promise<string> {
  const afterId = tenant.catcher.lastId();
  const res = await post(`${tenantUrl}/dbconnections/change_password`, { client_id: 'local-spa', email, connection: 'Username-Password-Authentication' });
  expect(res.status).toBe(200);
  const mail = await tenant.catcher.waitForMail(email, { afterId });
  expect(mail.subject).toBe('Reset your password');
  return linkIn(mail, `${tenantUrl}/u/reset-password?ticket=`);
}

const ticketOf = (link: string) => new URL(link).searchParams.get('ticket')!;
const submit = (ticket: string, password: string, confirm = password, tenantUrl = tenant.url) =>
  fetch(`${tenantUrl}/u/reset-password`, form({ ticket, password, confirm }));
const passwordGrant = (password: string, scope = 'openid') =>
  fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'password', client_id: 'local-spa', username: ADA_LOGIN.email, password, scope }));

describe('the password reset mail and page', () => {
  it('mails ada a link whose page shows a form for her address', async () => {
    const page = await fetch(await resetLink());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('for ada@example.com');
    expect(html).toContain('name="password"');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('mails nothing for an address without an account, and nothing for a social user', async () => {
    await post(`${tenant.url}/dbconnections/change_password`, { client_id: 'local-spa', email: 'nobody@example.com', connection: 'Username-Password-Authentication' });
    await post(`${tenant.url}/dbconnections/change_password`, { client_id: 'local-spa', email: 'grace@example.com', connection: 'Username-Password-Authentication' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tenant.catcher.messages()).toEqual([]);
  });

  it('sets a password that signs in at once; the old one stops working', async () => {
    const res = await submit(ticketOf(await resetLink()), NEW_PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Password changed');
    expect((await passwordGrant(NEW_PASSWORD)).status).toBe(200);
    expect((await passwordGrant(ADA_LOGIN.password)).status).toBe(403);
  });

  it('works once: the same link then shows no form and changes nothing', async () => {
    const ticket = ticketOf(await resetLink());
    expect((await submit(ticket, NEW_PASSWORD)).status).toBe(200);
    const again = await submit(ticket, 'Another-Password-99');
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This link has expired or was already used.');
    expect((await fetch(`${tenant.url}/u/reset-password?ticket=${ticket}`)).status).toBe(400);
    expect((await passwordGrant(NEW_PASSWORD)).status).toBe(200);
  });

  it.each([
    ['too short', 'Ab1!', 'Password is too weak: use at least 8 characters.'],
    ['two kinds of characters only', 'lowercase12345', 'Password is too weak: use at least 3 of lower case letters, upper case letters, numbers and special characters.'],
    ['over 72 bytes', `Aa1${'x'.repeat(70)}`, 'Password is too long: at most 72 bytes.'],
  ])("refuses a password %s under the connection's policy, keeping the link usable", async (_case, password, message) => {
    const ticket = ticketOf(await resetLink());
    const res = await submit(ticket, password);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
    expect((await submit(ticket, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses two different passwords', async () => {
    const res = await submit(ticketOf(await resetLink()), NEW_PASSWORD, `${NEW_PASSWORD}x`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The two passwords differ.');
    expect((await passwordGrant(ADA_LOGIN.password)).status).toBe(200);
  });

  it("revokes the user's refresh tokens, as Auth0 does by default", async () => {
    const { refresh_token: refreshToken } = await json<{ refresh_token: string }>(await passwordGrant(ADA_LOGIN.password, 'openid offline_access'));
    await submit(ticketOf(await resetLink()), NEW_PASSWORD);
    const refresh = await fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'refresh_token', client_id: 'local-spa', refresh_token: refreshToken }));
    expect(refresh.status).toBe(403);
  });

  it('lifts a brute-force block', async () => {
    for (let i = 0; i < 10; i += 1) await login(tenant, authorizeQuery(pkce().challenge), { email: ADA_LOGIN.email, password: `wrong-${i}` });
    expect((await login(tenant, authorizeQuery(pkce().challenge), ADA_LOGIN)).response.status).toBe(429);
    await submit(ticketOf(await resetLink()), NEW_PASSWORD);
    expect((await login(tenant, authorizeQuery(pkce().challenge), { email: ADA_LOGIN.email, password: NEW_PASSWORD })).response.status).toBe(302);
  });

  it('refuses a submission from another site', async () => {
    const ticket = ticketOf(await resetLink());
    const res = await fetch(`${tenant.url}/u/reset-password`, { ...form({ ticket, password: NEW_PASSWORD, confirm: NEW_PASSWORD }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await passwordGrant(ADA_LOGIN.password)).status).toBe(200);
  });

  it('stops working once expired', async () => {
    const shortLived = await startTenant({ smtpUrl: tenant.catcher.url, resetTicketTtlSeconds: 1 });
    try {
      const ticket = ticketOf(await resetLink(ADA_LOGIN.email, shortLived.url));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const res = await submit(ticket, NEW_PASSWORD, NEW_PASSWORD, shortLived.url);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('This link has expired or was already used.');
    } finally {
      await shortLived.close();
    }
  });
});
