import { Auth0RejectedError, Auth0UnavailableError } from '../../auth0/errors';
import { MailNotSentError } from '../../mail/mail.errors';
import type { Mailer, OutgoingMail } from '../../mail/mailer';
import { inMemoryUsers } from '../in-memory-users';
import { ProfileForbiddenError, ProfileInputError } from '../profile.errors';
import { EmailChangeExpiredError, EmailChangeInvalidError } from './email-change.errors';
import { EmailChangeService, type EmailChangeOptions } from './email-change.service';
import { hashEmailChangeToken } from './email-change-token';

const NOW = Date.parse('2026-12-04T10:00:00.000Z');
const APP = 'https://app.example.com';

/** Mails kept in memory (the SMTP path has its own tests); `failures` refuse the next sends. */
function memoryMailer() {
  const sent: OutgoingMail[] = [];
  const mailFailures: unknown[] = [];
  const mailer: Mailer = {
    send(mail) {
      const failure = mailFailures.shift();
      if (failure) return Promise.reject(failure);
      sent.push(mail);
      return Promise.resolve();
    },
    close() {},
  };
  return { mailer, sent, mailFailures };
}

function setUp(options: Partial<EmailChangeOptions> = {}, identity?: Parameters<typeof inMemoryUsers>[0]) {
  const tenant = inMemoryUsers(identity);
  const mail = memoryMailer();
  let now = NOW;
  const side: string[] = [];
  const limited: string[] = [];
  const service = new EmailChangeService(tenant.users, {
    mode: 'verify-first',
    ttlSeconds: 3600,
    appUrl: APP,
    mailer: mail.mailer,
    limiter: { enforce: (userId) => void limited.push(userId), forget: () => undefined },
    onSideFailure: (userId, what) => side.push(`${userId} ${what}`),
    now: () => now,
    ...options,
  });
  const tokenOf = (message: OutgoingMail) => /confirm-email\?token=([\w-]+)/.exec(message.text)![1]!;
  return { ...tenant, ...mail, service, side, limited, tokenOf, later: (ms: number) => (now += ms) };
}

describe('EmailChangeService.request (verify-first)', () => {
  it('stores the address, the hash of a fresh token and the expiry in app_metadata, and mails the link to the new address', async () => {
    const { service, calls, sent, current, tokenOf, limited } = setUp();
    const pending = await service.request('auth0|ada', '  Ada.New@Example.COM ');
    expect(pending).toEqual({ email: 'ada.new@example.com', expiresAt: new Date(NOW + 3600_000) });
    expect(calls.slice(0, 2)).toEqual(['GET auth0|ada', 'GET users-by-email ada.new@example.com']);
    expect(calls).toHaveLength(3);
    expect(limited).toEqual(['auth0|ada']);
    const stored = current().appMetadata.pendingEmailChange as Record<string, string>;
    expect(stored).toEqual({
      email: 'ada.new@example.com',
      tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      expiresAt: '2026-12-04T11:00:00.000Z',
      requestedAt: '2026-12-04T10:00:00.000Z',
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'ada.new@example.com', subject: 'Confirm your new email address' });
    expect(sent[0]!.text).toContain(`${APP}/profile/confirm-email?token=`);
    expect(sent[0]!.text).toContain('until 2026-12-04 11:00 UTC');
    expect(sent[0]!.text).not.toContain('ada@example.com');
    const token = tokenOf(sent[0]!);
    expect(token).toHaveLength(43);
    expect(hashEmailChangeToken(token)).toBe(stored.tokenHash);
    expect(JSON.stringify(current())).not.toContain(token);
    expect(current().email).toBe('ada@example.com');
  });

  it('refuses a malformed address before the limiter and any call', async () => {
    const { service, calls, limited, sent } = setUp();
    await expect(service.request('auth0|ada', 'not an email')).rejects.toBeInstanceOf(ProfileInputError);
    expect([...calls, ...limited, ...sent]).toEqual([]);
  });

  it('refuses a social user, naming the connection, with no write and no mail', async () => {
    const { service, writes, sent, calls } = setUp({}, { provider: 'google-oauth2', connection: 'google-oauth2', isSocial: true });
    const error = await service.request('auth0|ada', 'other@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileForbiddenError);
    expect(error).toMatchObject({ message: 'Email is managed by google-oauth2 and cannot be changed here' });
    expect(calls).toEqual(['GET auth0|ada']);
    expect([...writes(), ...sent]).toEqual([]);
  });

  it('names the identity provider when the user has no identity to name', async () => {
    const { service, change } = setUp();
    change({ identities: [] });
    await expect(service.request('auth0|ada', 'other@example.com')).rejects.toThrow('Email is managed by the identity provider and cannot be changed here');
  });

  it('refuses the current address', async () => {
    const { service, writes, sent } = setUp();
    await expect(service.request('auth0|ada', 'ADA@example.com')).rejects.toMatchObject({ field: 'email', rule: 'emailUnchanged', message: 'This is already your email address' });
    expect([...writes(), ...sent]).toEqual([]);
  });

  it('refuses an address another user has, with no write and no mail', async () => {
    const { service, writes, sent } = setUp();
    const error = await service.request('auth0|ada', 'alan@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileInputError);
    expect(error).toMatchObject({ field: 'email', rule: 'emailTaken', message: 'This email address is already in use' });
    expect([...writes(), ...sent]).toEqual([]);
  });

  it('removes the pending change when the mail cannot be sent, and passes MailNotSentError on', async () => {
    const { service, mailFailures, current, writes } = setUp();
    const refused = new MailNotSentError(true);
    mailFailures.push(refused);
    await expect(service.request('auth0|ada', 'ada.new@example.com')).rejects.toBe(refused);
    expect(current().appMetadata).toEqual({});
    expect(writes()[1]).toBe('PATCH auth0|ada {"app_metadata":{"pendingEmailChange":null}}');
    await expect(service.request('auth0|ada', 'ada.new@example.com')).resolves.toMatchObject({ email: 'ada.new@example.com' });
  });

  it('still says MAIL_NOT_SENT when removing the pending change fails too, and reports the removal', async () => {
    const { service, mailFailures, side, ...tenant } = setUp();
    const refused = new MailNotSentError(false);
    mailFailures.push(refused);
    const users = tenant.users;
    const update = users.updateUser.bind(users);
    let patches = 0;
    users.updateUser = (userId, patch) => (++patches === 2 ? Promise.reject(new Auth0UnavailableError('timeout')) : update(userId, patch));
    await expect(service.request('auth0|ada', 'ada.new@example.com')).rejects.toBe(refused);
    expect(side).toEqual(['auth0|ada pending change removal']);
    expect(mailFailures).toHaveLength(0);
  });

  it('replaces an earlier request: only the newest link works', async () => {
    const { service, sent, tokenOf } = setUp();
    await service.request('auth0|ada', 'first@example.com');
    await service.request('auth0|ada', 'second@example.com');
    await expect(service.confirm('auth0|ada', tokenOf(sent[0]!))).rejects.toBeInstanceOf(EmailChangeInvalidError);
    await expect(service.confirm('auth0|ada', tokenOf(sent[1]!))).resolves.toMatchObject({ email: 'second@example.com' });
  });
});

describe('EmailChangeService.confirm', () => {
  async function requested(options: Partial<EmailChangeOptions> = {}) {
    const setup = setUp(options);
    await setup.service.request('auth0|ada', 'ada.new@example.com');
    return { ...setup, token: setup.tokenOf(setup.sent[0]!), writesBefore: setup.writes().length, mailsBefore: setup.sent.length };
  }

  it('switches to the proven address as verified, clears the change in the same PATCH, and tells the old address', async () => {
    const { service, token, writes, sent, limited } = await requested();
    const view = await service.confirm('auth0|ada', token);
    expect(view).toMatchObject({ email: 'ada.new@example.com', emailVerified: true, pendingEmailChange: null });
    expect(writes().at(-1)).toBe('PATCH auth0|ada {"email":"ada.new@example.com","email_verified":true,"app_metadata":{"pendingEmailChange":null}}');
    expect(limited).toEqual(['auth0|ada', 'auth0|ada']);
    const notice = sent.at(-1)!;
    expect(notice).toMatchObject({ to: 'ada@example.com', subject: 'The email address of your account was changed' });
    expect(notice.text).toContain('from ada@example.com to ada.new@example.com on 2026-12-04 10:00 UTC');
    expect(notice.text).toContain('If you did not');
  });

  it.each([
    ['a token of another shape', 'short'],
    ['a token with a character changed', null],
    ['a made-up token', 'A'.repeat(43)],
  ])('refuses %s with EMAIL_CHANGE_INVALID, writing and mailing nothing', async (_what, given) => {
    const { service, token, writes, sent, writesBefore, mailsBefore } = await requested();
    const tampered = given ?? `${token.slice(0, 10)}${token[10] === 'a' ? 'b' : 'a'}${token.slice(11)}`;
    await expect(service.confirm('auth0|ada', tampered)).rejects.toBeInstanceOf(EmailChangeInvalidError);
    expect(writes()).toHaveLength(writesBefore);
    expect(sent).toHaveLength(mailsBefore);
  });

  it('refuses a malformed token before any call', async () => {
    const { service, calls } = setUp();
    await expect(service.confirm('auth0|ada', 'x'.repeat(5000))).rejects.toBeInstanceOf(EmailChangeInvalidError);
    expect(calls).toEqual([]);
  });

  it('refuses when nothing is pending', async () => {
    const { service } = setUp();
    await expect(service.confirm('auth0|ada', 'A'.repeat(43))).rejects.toThrow('This email change link is not valid');
  });

  it('refuses an expired link with EMAIL_CHANGE_EXPIRED (the second it expires), changing nothing', async () => {
    const { service, token, later, writes, writesBefore, current } = await requested();
    later(3600_000);
    await expect(service.confirm('auth0|ada', token)).rejects.toBeInstanceOf(EmailChangeExpiredError);
    expect(writes()).toHaveLength(writesBefore);
    expect(current().email).toBe('ada@example.com');
  });

  it('accepts the link a millisecond before it expires', async () => {
    const { service, token, later } = await requested();
    later(3600_000 - 1);
    await expect(service.confirm('auth0|ada', token)).resolves.toMatchObject({ email: 'ada.new@example.com' });
  });

  it('refuses a reused link', async () => {
    const { service, token } = await requested();
    await service.confirm('auth0|ada', token);
    await expect(service.confirm('auth0|ada', token)).rejects.toBeInstanceOf(EmailChangeInvalidError);
  });

  it('answers "already in use" when the address was taken since the request', async () => {
    const { service, token, failures } = await requested();
    failures.patch = new Auth0RejectedError(409, 'user_exists');
    await expect(service.confirm('auth0|ada', token)).rejects.toMatchObject({ field: 'email', rule: 'emailTaken' });
  });

  it('passes other write failures on as they are', async () => {
    const { service, token, failures } = await requested();
    const outage = new Auth0UnavailableError('status', 503);
    failures.patch = outage;
    await expect(service.confirm('auth0|ada', token)).rejects.toBe(outage);
  });

  it('keeps the switch when the notice cannot be sent, and reports it', async () => {
    const { service, token, mailFailures, side } = await requested();
    mailFailures.push(new MailNotSentError(true));
    await expect(service.confirm('auth0|ada', token)).resolves.toMatchObject({ email: 'ada.new@example.com' });
    expect(side).toEqual(['auth0|ada notice mail']);
  });
});

describe('EmailChangeService.cancel', () => {
  it('drops the pending change in one PATCH, after which its link is refused', async () => {
    const { service, sent, tokenOf, calls, limited } = setUp();
    await service.request('auth0|ada', 'ada.new@example.com');
    const before = calls.length;
    await expect(service.cancel('auth0|ada')).resolves.toMatchObject({ pendingEmailChange: null, email: 'ada@example.com' });
    expect(calls.slice(before)).toEqual(['PATCH auth0|ada {"app_metadata":{"pendingEmailChange":null}}']);
    expect(limited).toHaveLength(2);
    await expect(service.confirm('auth0|ada', tokenOf(sent[0]!))).rejects.toBeInstanceOf(EmailChangeInvalidError);
  });
});

describe('EmailChangeService in immediate mode', () => {
  it("switches at once with Auth0's verify_email, asks nothing else and mails nothing itself", async () => {
    const { service, calls, sent } = setUp({ mode: 'immediate', mailer: null });
    expect(service.mode).toBe('immediate');
    await expect(service.request('auth0|ada', 'Ada.New@example.com')).resolves.toEqual({ email: 'ada.new@example.com', expiresAt: new Date(NOW) });
    expect(calls).toEqual(['GET auth0|ada', 'PATCH auth0|ada {"email":"ada.new@example.com","verify_email":true}']);
    expect(sent).toEqual([]);
  });

  it('answers "already in use" from the PATCH refusal', async () => {
    const { service, failures } = setUp({ mode: 'immediate' });
    failures.patch = new Auth0RejectedError(400, 'user_exists');
    await expect(service.request('auth0|ada', 'alan@example.com')).rejects.toMatchObject({ rule: 'emailTaken' });
    failures.patch = new Auth0RejectedError(400, 'invalid_body');
    await expect(service.request('auth0|ada', 'x@example.com')).rejects.toBe(failures.patch);
  });
});

describe('EmailChangeService without its optional parts', () => {
  it('works with no limiter and no failure listener, and a failed notice stays silent', async () => {
    const tenant = inMemoryUsers();
    const mail = memoryMailer();
    const service = new EmailChangeService(tenant.users, { mode: 'verify-first', ttlSeconds: 60, appUrl: APP, mailer: mail.mailer });
    await service.request('auth0|ada', 'ada.new@example.com');
    const token = /token=([\w-]+)/.exec(mail.sent[0]!.text)![1]!;
    mail.mailFailures.push(new MailNotSentError(true));
    await expect(service.confirm('auth0|ada', token)).resolves.toMatchObject({ email: 'ada.new@example.com' });
    await expect(service.cancel('auth0|ada')).resolves.toMatchObject({ pendingEmailChange: null });
    mail.mailFailures.push(new MailNotSentError(false));
    tenant.failures.patch = undefined;
    const update = tenant.users.updateUser.bind(tenant.users);
    let patches = 0;
    tenant.users.updateUser = (userId, patch) => (++patches === 2 ? Promise.reject(new Auth0UnavailableError('timeout')) : update(userId, patch));
    await expect(service.request('auth0|ada', 'ada.other@example.com')).rejects.toBeInstanceOf(MailNotSentError);
  });

  it('confirms a change asked before the switch to immediate mode, without a mailer and without a notice', async () => {
    const setup = setUp();
    await setup.service.request('auth0|ada', 'ada.new@example.com');
    const token = setup.tokenOf(setup.sent[0]!);
    const side: string[] = [];
    const immediate = new EmailChangeService(setup.users, { mode: 'immediate', ttlSeconds: 60, appUrl: APP, mailer: null, now: () => NOW, onSideFailure: (_u, what) => side.push(what) });
    await expect(immediate.confirm('auth0|ada', token)).resolves.toMatchObject({ email: 'ada.new@example.com', emailVerified: true });
    expect(side).toEqual([]);
  });

  it('calls a bare 409 "already in use" too', async () => {
    const { service, failures } = setUp({ mode: 'immediate' });
    failures.patch = new Auth0RejectedError(409, undefined);
    await expect(service.request('auth0|ada', 'alan@example.com')).rejects.toMatchObject({ rule: 'emailTaken' });
  });

  it('names its errors', () => {
    expect(new EmailChangeInvalidError()).toMatchObject({ name: 'EmailChangeInvalidError' });
    expect(new EmailChangeExpiredError()).toMatchObject({ name: 'EmailChangeExpiredError', message: 'This email change link has expired; ask for a new one' });
  });
});

describe('EmailChangeService set-up', () => {
  it('needs a mailer for verify-first', () => {
    expect(() => new EmailChangeService(inMemoryUsers().users, { mode: 'verify-first', ttlSeconds: 60, appUrl: APP, mailer: null })).toThrow(
      'verify-first email changes need a mailer',
    );
    expect(new EmailChangeService(inMemoryUsers().users, { mode: 'immediate', ttlSeconds: 60, appUrl: APP, mailer: null }).mode).toBe('immediate');
  });
});
