import type { Page } from 'playwright-core';
import { linkIn } from 'test-support/mail-catcher';
import { SEED_USERS, storedUser } from 'local-auth0/testing';
import {
  emailChangeError,
  field,
  openProfile,
  pendingEmail,
  sendLinkButton,
  signInOnTenantPage,
  signInWithPassword,
  waitForText,
} from '../support/app';
import { openPage } from '../support/browser';
import { useHarness, type Harness } from '../support/harness';

const ADA = SEED_USERS.ada;
const ALAN = SEED_USERS.alan;
const NEW_ADDRESS = 'ada@lovelace.org';

const t = useHarness();

/** ada, freshly signed in (no step-up needed), asks for NEW_ADDRESS; the link mailed to it. */
async function requestChange({ page, stack }: Harness): Promise<string> {
  await signInWithPassword(page, stack.appUrl, ADA);
  await openProfile(page);
  await field(page, 'newEmail').fill(NEW_ADDRESS);
  await sendLinkButton(page).click();
  await pendingEmail(page).getByText(NEW_ADDRESS).waitFor();
  const mail = await stack.mail.waitForMail(NEW_ADDRESS, { timeoutMs: 10_000 });
  return linkIn(mail, `${stack.appUrl}/profile/confirm-email?token=`);
}

/** A second browser profile, without ada's session (the mail opened on another device). */
async function otherBrowser(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  return openPage(browser);
}

describe('the email change link', () => {
  it('opened where ada is signed out: she signs in first, lands on the confirmation, and the link then no longer works', async () => {
    const link = await requestChange(t);
    const { stack } = t;
    const other = await otherBrowser(t.page);
    try {
      const page = other.page;
      await page.goto(link);
      await signInOnTenantPage(page, stack.appUrl, ADA);
      await waitForText(page, '[data-testid=confirm-result]', `Your email is now ${NEW_ADDRESS}.`);
      expect(page.url()).toBe(`${stack.appUrl}/profile/confirm-email`);
      await expect(storedUser(stack.tenant.url, ADA.id)).resolves.toMatchObject({ email: NEW_ADDRESS, email_verified: true });

      await page.goto(link);
      await waitForText(page, '[data-testid=confirm-result]', 'This link cannot be used');
      await expect(storedUser(stack.tenant.url, ADA.id)).resolves.toMatchObject({ email: NEW_ADDRESS });
    } finally {
      await other.context.close();
    }
  });

  it('stops working when ada cancels the change', async () => {
    const link = await requestChange(t);
    const { page, stack } = t;
    await pendingEmail(page).getByRole('button', { name: 'Cancel the change' }).click();
    await waitForText(page, '[data-testid=email-change-status]', 'The email change was cancelled');
    await expect(pendingEmail(page).count()).resolves.toBe(0);

    await page.goto(link);
    await waitForText(page, '[data-testid=confirm-result]', 'This link cannot be used');
    await expect(storedUser(stack.tenant.url, ADA.id)).resolves.toMatchObject({ email: ADA.email });
  });

  it('is never sent for an address another account has: the field says so and keeps it', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    await field(page, 'newEmail').fill(ALAN.email);
    await sendLinkButton(page).click();

    await waitForText(page, '#newEmail-error', 'Another account already uses this address.');
    await expect(field(page, 'newEmail').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(field(page, 'newEmail').inputValue()).resolves.toBe(ALAN.email);
    await expect(emailChangeError(page).textContent()).resolves.toContain('Please check the new address.');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('newEmail');
    expect(stack.mail.messages()).toEqual([]);
    await expect(storedUser(stack.tenant.url, ADA.id)).resolves.toMatchObject({ email: ADA.email });
  });
});
