import { injectFault, managementToken, readCounts, ROUTES, userToken } from 'local-auth0/testing';
import { addFreshUser } from './support/fresh-user';
import { errorCode, gql } from './support/graphql';
import { linkIn } from 'test-support/mail-catcher';
import { appOperation } from 'test-support';
import { useStack } from './support/use-stack';

const SEND_RESET = appOperation('SendPasswordResetEmail');

const stack = useStack({ mail: true });

const sendReset = async (email: string, scope?: string) =>
  gql(stack.api.url, SEND_RESET, { token: await userToken(stack.tenant.url, { email, ...(scope ? { scope } : {}) }) });
const freshUser = async () => (await addFreshUser(stack.tenant.url)).email;

const changePasswordCalls = async () => (await readCounts(stack.tenant.url))[ROUTES.changePassword] ?? 0;

describe('sendPasswordResetEmail', () => {
  it("asks the tenant's Authentication API once for ada, a database user", async () => {
    const result = await sendReset('ada@example.com');
    expect(result.body).toEqual({ data: { sendPasswordResetEmail: true } });
    expect(await changePasswordCalls()).toBe(1);
  });

  it("delivers Auth0's reset mail over SMTP, and its link sets a password that signs in", async () => {
    const email = await freshUser();
    expect((await sendReset(email)).body.data).toEqual({ sendPasswordResetEmail: true });
    const mail = await stack.catcher.waitForMail(email);
    const ticket = new URL(linkIn(mail, `${stack.tenant.url}/u/reset-password?ticket=`)).searchParams.get('ticket')!;
    const password = 'Brand-New-Secret-77';
    const page = await fetch(`${stack.tenant.url}/u/reset-password`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ticket, password, confirm: password }) });
    expect(page.status).toBe(200);
    const grant = await fetch(`${stack.tenant.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'local-spa', username: email, password, scope: 'openid' }),
    });
    expect(grant.status).toBe(200);
  });

  it('refuses grace, a Google user, with FORBIDDEN and the reason; nothing is asked of Auth0 and no mail is sent', async () => {
    const result = await sendReset('grace@example.com');
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.message).toBe('Your password is managed by google-oauth2; change it there');
    expect(await changePasswordCalls()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stack.catcher.messages()).toEqual([]);
  });

  it('refuses an address that is not verified with FORBIDDEN; nothing is asked of Auth0', async () => {
    const user = await addFreshUser(stack.tenant.url);
    const { accessToken } = await managementToken(stack.tenant.url);
    const unverify = await fetch(`${stack.tenant.url}/api/v2/users/${encodeURIComponent(user.id)}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email_verified: false }),
    });
    expect(unverify.status).toBe(200);
    const result = await sendReset(user.email);
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.message).toBe('Verify your email address first: the reset mail only goes to an address proven to be yours');
    expect(await changePasswordCalls()).toBe(0);
  });

  it('allows one a minute per user: the second answers RATE_LIMITED with retryAfterSeconds and is not sent', async () => {
    expect((await sendReset('alan@example.com')).body.data).toEqual({ sendPasswordResetEmail: true });
    const second = await sendReset('alan@example.com');
    expect(errorCode(second)).toBe('RATE_LIMITED');
    expect(second.body.errors?.[0]?.message).toMatch(/^A password reset mail was sent less than a minute ago; try again in \d+ s$/);
    const retryAfter = second.body.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await changePasswordCalls()).toBe(1);
  });

  it("answers RATE_LIMITED when Auth0's own limit answers 429", async () => {
    await injectFault(stack.tenant.url, { route: ROUTES.changePassword, status: 429 });
    const result = await sendReset(await freshUser());
    expect(errorCode(result)).toBe('RATE_LIMITED');
    expect(result.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(1);
  });

  it('answers UPSTREAM_UNAVAILABLE when Auth0 answers 503 (not retried: a retry could be a second mail)', async () => {
    await injectFault(stack.tenant.url, { route: ROUTES.changePassword, status: 503 });
    const result = await sendReset(await freshUser());
    expect(errorCode(result)).toBe('UPSTREAM_UNAVAILABLE');
    expect(await changePasswordCalls()).toBe(1);
  });

  it('needs update:profile', async () => {
    const result = await sendReset('ada@example.com', 'openid read:profile');
    expect(result.status).toBe(403);
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await changePasswordCalls()).toBe(0);
  });
});
