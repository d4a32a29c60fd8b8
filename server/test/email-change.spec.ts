// The verify-first email change against a real tenant, the real API and a real SMTP server: every
// refusal writes nothing upstream and mails nothing; the link read from the mail switches the
// address; the old address is told; a mail that cannot be sent leaves nothing pending.
import { injectFault, readCounts, resetCounts, ROUTES, storedUser, userToken } from 'local-auth0/testing';
import {
  CANCEL_EMAIL_CHANGE,
  CONFIRM_LINK_PREFIX,
  confirmEmailChange,
  PENDING_EMAIL_CHANGE,
  requestEmailChange,
  tokenOfLink,
} from './support/email-change';
import { errorCode, gql, type GraphQLResult } from './support/graphql';
import { linkIn } from 'test-support/mail-catcher';
import { ADA, ALAN } from './support/stack';
import { useStack } from './support/use-stack';

jest.setTimeout(30_000);

const MANAGEMENT = [ROUTES.getUser, ROUTES.patchUser, ROUTES.usersByEmail] as const;

const stack = useStack({ env: { APP_URL: 'http://localhost:4200', UPDATE_RATE_LIMIT_PER_MINUTE: '1000' }, mail: true, signIn: ['ada'] });

async function managementCalls(): Promise<Record<string, number>> {
  const counts = await readCounts(stack.tenant.url);
  return Object.fromEntries(MANAGEMENT.map((route) => [route, counts[route] ?? 0]));
}

const writes = async () => (await managementCalls())[ROUTES.patchUser];

/** The link of the confirmation mail to `address`, read from the SMTP catcher. */
async function mailedLink(address: string): Promise<string> {
  return linkIn(await stack.catcher.waitForMail(address), CONFIRM_LINK_PREFIX);
}

async function requested(address = 'ada.new@example.com', token = stack.tokens.ada): Promise<string> {
  const result = await requestEmailChange(stack.api.url, token, address);
  expect(result.body.errors).toBeUndefined();
  return tokenOfLink(await mailedLink(address));
}

/** Nothing written upstream and nothing mailed since the counts were reset. */
async function expectNothingDone(): Promise<void> {
  expect(await writes()).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(stack.catcher.messages()).toEqual([]);
}

describe('the happy path', () => {
  it('mails a link to the new address; following it switches the email, verified, and tells the old address', async () => {
    await resetCounts(stack.tenant.url);
    const request = await requestEmailChange(stack.api.url, stack.tokens.ada, ' Ada.New@Example.com ');
    expect(request.body.data?.requestEmailChange).toEqual({ email: 'ada.new@example.com', expiresAt: expect.any(String) });
    const expiresAt = Date.parse((request.body.data?.requestEmailChange as { expiresAt: string }).expiresAt);
    expect(expiresAt - Date.now()).toBeGreaterThan(86_400_000 - 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(await managementCalls()).toEqual({ [ROUTES.getUser]: 1, [ROUTES.usersByEmail]: 1, [ROUTES.patchUser]: 1 });

    const mail = await stack.catcher.waitForMail('ada.new@example.com');
    expect(mail.subject).toBe('Confirm your new email address');
    expect(mail.html).toContain('href="http://localhost:4200/profile/confirm-email?token=');
    const link = linkIn(mail, CONFIRM_LINK_PREFIX);
    const stored = await storedUser(stack.tenant.url, ADA);
    expect(stored).toMatchObject({ email: 'ada@example.com', email_verified: true });
    expect(JSON.stringify(stored)).not.toContain(tokenOfLink(link));
    const me = await gql(stack.api.url, PENDING_EMAIL_CHANGE, { token: stack.tokens.ada });
    expect(me.body.data?.me).toMatchObject({ email: 'ada@example.com', emailChangeMode: 'VERIFY_FIRST', pendingEmailChange: { email: 'ada.new@example.com' } });

    await resetCounts(stack.tenant.url);
    const confirmed = await confirmEmailChange(stack.api.url, stack.tokens.ada, tokenOfLink(link));
    expect(confirmed.body.data?.confirmEmailChange).toEqual({ id: ADA, email: 'ada.new@example.com', emailVerified: true, pendingEmailChange: null });
    expect(await managementCalls()).toEqual({ [ROUTES.getUser]: 1, [ROUTES.usersByEmail]: 0, [ROUTES.patchUser]: 1 });
    expect(await storedUser(stack.tenant.url, ADA)).toMatchObject({ email: 'ada.new@example.com', email_verified: true, app_metadata: {} });

    const notice = await stack.catcher.waitForMail('ada@example.com');
    expect(notice.subject).toBe('The email address of your account was changed');
    expect(notice.text).toContain('from ada@example.com to ada.new@example.com');
    expect(stack.catcher.messages()).toHaveLength(2);
    const after = await gql(stack.api.url, PENDING_EMAIL_CHANGE, { token: stack.tokens.ada });
    expect(after.body.data?.me).toMatchObject({ email: 'ada.new@example.com', emailVerified: true, pendingEmailChange: null });
  });

  it('lets a new request replace the pending one: only the newest link works', async () => {
    const first = await requested('first@example.com');
    const second = await requested('second@example.com');
    expect(errorCode(await confirmEmailChange(stack.api.url, stack.tokens.ada, first))).toBe('EMAIL_CHANGE_INVALID');
    expect((await confirmEmailChange(stack.api.url, stack.tokens.ada, second)).body.data?.confirmEmailChange).toMatchObject({ email: 'second@example.com' });
  });

  it('cancels: the pending change goes and its link no longer works', async () => {
    const link = await requested();
    const cancelled = await gql(stack.api.url, CANCEL_EMAIL_CHANGE, { token: stack.tokens.ada });
    expect(cancelled.body.data?.cancelEmailChange).toEqual({ email: 'ada@example.com', pendingEmailChange: null });
    expect(errorCode(await confirmEmailChange(stack.api.url, stack.tokens.ada, link))).toBe('EMAIL_CHANGE_INVALID');
    expect((await storedUser(stack.tenant.url, ADA)).email).toBe('ada@example.com');
  });
});

describe('refusals write nothing upstream and mail nothing', () => {
  async function expectStepUp(result: GraphQLResult): Promise<void> {
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe(
      'Bearer realm="profile-api", error="insufficient_user_authentication", error_description="A more recent sign-in is required", max_age=300',
    );
    expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'INSUFFICIENT_USER_AUTHENTICATION', maxAgeSeconds: 300 });
    expect(result.body.errors?.[0]?.message).toBe('Sign in again to do this: it needs a sign-in within the last 300 seconds');
    expect(await managementCalls()).toEqual({ [ROUTES.getUser]: 0, [ROUTES.usersByEmail]: 0, [ROUTES.patchUser]: 0 });
    await expectNothingDone();
  }

  it('asks for a new sign-in when the last one is older than 300 s (RFC 9470), before any call upstream', async () => {
    const old = await userToken(stack.tenant.url, { email: 'ada@example.com', authTime: Math.floor(Date.now() / 1000) - 301 });
    await expectStepUp(await requestEmailChange(stack.api.url, old, 'ada.new@example.com'));
  });

  it('asks for a new sign-in when the token does not say when the sign-in was', async () => {
    const unknown = await userToken(stack.tenant.url, { email: 'ada@example.com', authTime: null });
    await expectStepUp(await requestEmailChange(stack.api.url, unknown, 'ada.new@example.com'));
  });

  it('lets a sign-in just under 300 s old through', async () => {
    const recent = await userToken(stack.tenant.url, { email: 'ada@example.com', authTime: Math.floor(Date.now() / 1000) - 295 });
    expect((await requestEmailChange(stack.api.url, recent, 'ada.new@example.com')).body.errors).toBeUndefined();
  });

  it('does not ask a recent sign-in for confirming or cancelling (the link proves the address)', async () => {
    const link = await requested();
    const old = await userToken(stack.tenant.url, { email: 'ada@example.com', authTime: null });
    expect((await confirmEmailChange(stack.api.url, old, link)).body.data?.confirmEmailChange).toMatchObject({ email: 'ada.new@example.com' });
    expect((await gql(stack.api.url, CANCEL_EMAIL_CHANGE, { token: old })).body.errors).toBeUndefined();
  });

  it('refuses an address another user has (BAD_USER_INPUT on email, rule emailTaken)', async () => {
    const result = await requestEmailChange(stack.api.url, stack.tokens.ada, 'ALAN@example.com');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email', rule: 'emailTaken' });
    expect(result.body.errors?.[0]?.message).toBe('This email address is already in use');
    await expectNothingDone();
  });

  it('refuses a social user (FORBIDDEN)', async () => {
    const grace = await userToken(stack.tenant.url, { email: 'grace@example.com' });
    const result = await requestEmailChange(stack.api.url, grace, 'grace@navy.mil');
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.message).toBe('Email is managed by google-oauth2 and cannot be changed here');
    await expectNothingDone();
  });

  it.each(['a b@example.com', 'x@y@example.com', 'ada@example', '', `${'a'.repeat(65)}@example.com`, '\u0430da@example.com'])('refuses the address %j', async (address) => {
    const result = await requestEmailChange(stack.api.url, stack.tokens.ada, address);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    await expectNothingDone();
  });

  it('refuses a token without update:profile (403) and one without a token at all (401)', async () => {
    const readOnly = await userToken(stack.tenant.url, { email: 'ada@example.com', scope: 'openid read:profile' });
    expect((await requestEmailChange(stack.api.url, readOnly, 'ada.new@example.com')).status).toBe(403);
    expect((await gql(stack.api.url, CANCEL_EMAIL_CHANGE)).status).toBe(401);
    await expectNothingDone();
  });

  describe('of a link', () => {
    let link: string;
    beforeEach(async () => {
      link = await requested();
      await resetCounts(stack.tenant.url);
      stack.catcher.clear();
    });

    async function expectRefused(linkToken: string, code: string, token = stack.tokens.ada): Promise<void> {
      const result = await confirmEmailChange(stack.api.url, token, linkToken);
      expect(errorCode(result)).toBe(code);
      expect(result.body.data ?? null).toBeNull();
      await expectNothingDone();
    }

    it('refuses a tampered token', async () => {
      const tampered = `${link.slice(0, 20)}${link[20] === 'A' ? 'B' : 'A'}${link.slice(21)}`;
      await expectRefused(tampered, 'EMAIL_CHANGE_INVALID');
      expect((await storedUser(stack.tenant.url, ADA)).email).toBe('ada@example.com');
    });

    it.each(['', 'not-a-token', 'x'.repeat(10_000)])('refuses the token %j before reading anything', async (bad) => {
      await expectRefused(bad, 'EMAIL_CHANGE_INVALID');
      expect((await managementCalls())[ROUTES.getUser]).toBe(0);
    });

    it("refuses another user's token (foreign), leaving both accounts as they were", async () => {
      const alan = await userToken(stack.tenant.url, { email: 'alan@example.com' });
      await expectRefused(link, 'EMAIL_CHANGE_INVALID', alan);
      expect((await storedUser(stack.tenant.url, ALAN)).email).toBe('alan@example.com');
      expect((await storedUser(stack.tenant.url, ADA)).app_metadata).toMatchObject({ pendingEmailChange: { email: 'ada.new@example.com' } });
    });

    it('refuses a reused token', async () => {
      expect((await confirmEmailChange(stack.api.url, stack.tokens.ada, link)).body.errors).toBeUndefined();
      await resetCounts(stack.tenant.url);
      stack.catcher.clear();
      await expectRefused(link, 'EMAIL_CHANGE_INVALID');
    });

    it('refuses an expired link (EMAIL_CHANGE_EXPIRED) and shows no pending change', async () => {
      // Time passes: the stored expiry is moved into the past through the Management API, hash kept.
      const stored = (await storedUser(stack.tenant.url, ADA)).app_metadata!.pendingEmailChange as Record<string, string>;
      await patchAppMetadata({ pendingEmailChange: { ...stored, expiresAt: new Date(Date.now() - 1000).toISOString() } });
      await resetCounts(stack.tenant.url);
      await expectRefused(link, 'EMAIL_CHANGE_EXPIRED');
      expect((await gql(stack.api.url, PENDING_EMAIL_CHANGE, { token: stack.tokens.ada })).body.data?.me).toMatchObject({ pendingEmailChange: null });
    });
  });
});

async function patchAppMetadata(appMetadata: Record<string, unknown>): Promise<void> {
  const { managementToken } = await import('local-auth0/testing');
  const { accessToken } = await managementToken(stack.tenant.url);
  const response = await fetch(`${stack.tenant.url}/api/v2/users/${encodeURIComponent(ADA)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ app_metadata: appMetadata }),
  });
  expect(response.status).toBe(200);
}

describe('a mail that cannot be sent', () => {
  it('answers MAIL_NOT_SENT (not a 500), leaves nothing pending, and can be asked again', async () => {
    stack.catcher.refuse({ code: 550, times: 1 });
    const result = await requestEmailChange(stack.api.url, stack.tokens.ada, 'ada.new@example.com');
    expect(result.status).toBe(200);
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'The confirmation mail could not be sent, so nothing was changed; try again in a few minutes',
      extensions: { code: 'MAIL_NOT_SENT' },
    });
    expect((await storedUser(stack.tenant.url, ADA)).app_metadata ?? {}).toEqual({});
    expect((await gql(stack.api.url, PENDING_EMAIL_CHANGE, { token: stack.tokens.ada })).body.data?.me).toMatchObject({ pendingEmailChange: null });
    const link = await requested();
    expect((await confirmEmailChange(stack.api.url, stack.tokens.ada, link)).body.data?.confirmEmailChange).toMatchObject({ email: 'ada.new@example.com' });
  });

  it('is tried again after a temporary refusal (451) and then arrives', async () => {
    stack.catcher.refuse({ code: 451, times: 1 });
    await requested();
  });

  it('never leaves a pending change whose link nobody got when Auth0 fails the request', async () => {
    await injectFault(stack.tenant.url, { route: ROUTES.patchUser, status: 503 });
    expect(errorCode(await requestEmailChange(stack.api.url, stack.tokens.ada, 'ada.new@example.com'))).toBe('UPSTREAM_UNAVAILABLE');
    expect(stack.catcher.messages()).toEqual([]);
  });
});
