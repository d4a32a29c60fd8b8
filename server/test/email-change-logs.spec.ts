// The link's token is a password for one email change: it never reaches a log line, at any
// level, on success or on any refusal; neither does the SMTP URL (it may hold a password).
import { userToken } from 'local-auth0/testing';
import { CONFIRM_LINK_PREFIX, confirmEmailChange, requestEmailChange, tokenOfLink } from './support/email-change';
import { linkIn } from 'test-support/mail-catcher';
import { useStack } from './support/use-stack';

const stack = useStack({ env: { LOG_LEVEL: 'trace' }, mail: { smtpLogin: 'mailer:s3cret-smtp-password' }, logs: 'file', reset: 'none' });

it('logs neither the token nor its hash nor the SMTP password, through a request, refusals and the confirmation', async () => {
  const ada = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  expect((await requestEmailChange(stack.api.url, ada, 'ada.logged@example.com')).body.errors).toBeUndefined();
  const token = tokenOfLink(linkIn(await stack.catcher.waitForMail('ada.logged@example.com'), CONFIRM_LINK_PREFIX));
  const alan = await userToken(stack.tenant.url, { email: 'alan@example.com' });
  expect((await confirmEmailChange(stack.api.url, alan, token)).body.errors?.[0]?.extensions?.code).toBe('EMAIL_CHANGE_INVALID');
  expect((await confirmEmailChange(stack.api.url, ada, `${token}x`)).body.errors?.[0]?.extensions?.code).toBe('EMAIL_CHANGE_INVALID');
  expect((await confirmEmailChange(stack.api.url, ada, token)).body.errors).toBeUndefined();
  expect((await confirmEmailChange(stack.api.url, ada, token)).body.errors?.[0]?.extensions?.code).toBe('EMAIL_CHANGE_INVALID');
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(stack.logs).toContain('ConfirmEmailChange');
  expect(stack.logs).not.toContain(token);
  expect(stack.logs).not.toContain(token.slice(0, 20));
  expect(stack.logs).not.toMatch(/[0-9a-f]{64}/);
  expect(stack.logs).not.toContain('s3cret-smtp-password');
}, 30_000);
