// The account as a whole in Chromium: ada asks for a password reset mail from her profile and
// uses its link (over a real SMTP catcher); a fresh user deletes their account through the
// step-up sign-in and lands signed out, and cannot sign in again.
import type { Page } from 'playwright-core';
import { addUsers, SEED_USERS } from 'local-auth0/testing';
import { expectSignedIn, openProfile, signInWithPassword } from '../support/app';
import { useHarness } from '../support/harness';

const ADA = SEED_USERS.ada;
// A recent sign-in is one under 3 s old here, so the deletion below needs the step-up.
const MAX_AGE_SECONDS = 3;

const t = useHarness({ apiEnv: { SENSITIVE_ACTION_MAX_AGE_SECONDS: String(MAX_AGE_SECONDS) } });

/** The tenant's login page, when the app sent the browser there: fill it and send it. */
async function submitTenantLogin(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.locator('#password').waitFor();
  await page.locator('#email').fill(user.email);
  await page.locator('#password').fill(user.password);
  await page.locator('button[type=submit]').click();
}

describe('password reset mail', () => {
  it('ada asks for a reset mail on her profile, follows its link, sets a new password and signs in with it', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    await page.getByRole('button', { name: 'Send me a password reset mail' }).click();
    await page.getByRole('status').filter({ hasText: `Check your inbox: we sent a reset link to ${ADA.email}.` }).waitFor();

    const mail = await stack.mail.waitForMail(ADA.email);
    const link = /\S*\/u\/reset-password\?ticket=\S+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    const password = 'Analytical-Engine-1843';
    await page.locator('#password').fill(password);
    await page.locator('#confirm').fill(password);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor();

    await page.goto(stack.appUrl);
    await expectSignedIn(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('main').getByRole('button', { name: 'Sign in' }).waitFor();
    await signInWithPassword(page, stack.appUrl, { email: ADA.email, password });
  });
});

describe('delete my account', () => {
  it('a fresh user confirms with their address, signs in again for the step-up, lands signed out, and cannot sign in again', async () => {
    const { page, stack } = t;
    const user = { id: 'auth0|0badc0ffee0123456789abcd', email: 'leaving@example.com', password: 'Leaving-For-Good-2026' };
    await addUsers(stack.tenant.url, [{ user_id: user.id, email: user.email, password: user.password, user_metadata: { firstName: 'Leaving' } }]);
    await signInWithPassword(page, stack.appUrl, user);
    await openProfile(page);

    const confirm = page.locator('#delete-confirm');
    const remove = page.getByRole('button', { name: 'Delete my account' });
    await confirm.fill('someone-else@example.com');
    await expect(remove.isDisabled()).resolves.toBe(true);
    await confirm.fill(user.email.toUpperCase());
    // The sign-in is now older than the API accepts for a deletion.
    await page.waitForTimeout((MAX_AGE_SECONDS + 1) * 1000);
    await remove.click();

    // The step-up: the tenant asks for the password again, then the app finishes the deletion by itself.
    await submitTenantLogin(page, user);
    await page.waitForURL(`${stack.appUrl}/account-deleted`);
    await page.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    await page.locator('header').getByRole('button', { name: 'Sign in' }).waitFor();

    const notice = await stack.mail.waitForMail(user.email);
    expect(notice.subject).toBe('Your account has been deleted');

    await page.goto(stack.appUrl);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await submitTenantLogin(page, user);
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
  });
});
