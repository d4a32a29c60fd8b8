import { linkIn } from 'test-support/mail-catcher';
import { expectSignedIn, field, openProfile, pendingEmail, saveStatus, sendLinkButton, signInWithPassword, waitForText } from '../support/app';
import { seriousViolations } from '../support/axe';
import { useHarness } from '../support/harness';
import { SEED_USERS, storedUser } from 'local-auth0/testing';

const ADA = SEED_USERS.ada;

const t = useHarness();

describe('accessibility', () => {
  it('axe-core finds no serious or critical violation on the home page, signed out and signed in', async () => {
    const { page, stack } = t;
    await page.goto(stack.appUrl);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);

    await signInWithPassword(page, stack.appUrl, ADA);
    await waitForText(page, '[data-testid=greeting]', 'Hello, Ada!');
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('axe-core finds no serious or critical violation on the profile page, also while it shows errors', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    await expect(seriousViolations(page)).resolves.toEqual([]);

    await field(page, 'firstName').fill('Ada\tTab');
    await field(page, 'newEmail').fill('not-an-email');
    await field(page, 'newEmail').blur();
    await page.locator('#newEmail-error').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('axe-core finds no serious or critical violation in the email change: pending, and on the confirmation page', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    await field(page, 'newEmail').fill('ada@lovelace.org');
    await sendLinkButton(page).click();
    await pendingEmail(page).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);

    const mail = await stack.mail.waitForMail('ada@lovelace.org', { timeoutMs: 10_000 });
    await page.goto(linkIn(mail, `${stack.appUrl}/profile/confirm-email?token=`));
    await page.locator('[data-testid=confirm-result]').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.goto(`${stack.appUrl}/profile/confirm-email?token=not-a-real-token`);
    await waitForText(page, '[data-testid=confirm-result]', 'This link cannot be used');
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('lets ada sign in and edit her profile with the keyboard alone', async () => {
    const { page, stack } = t;
    await page.goto(stack.appUrl);
    const signIn = page.locator('main').getByRole('button', { name: 'Sign in' });
    await signIn.waitFor();
    await signIn.focus();
    await page.keyboard.press('Enter');
    await page.locator('#email').waitFor();
    await page.locator('#email').focus();
    await page.keyboard.type(ADA.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADA.password);
    await page.keyboard.press('Enter');
    await expectSignedIn(page);

    await page.getByRole('navigation').getByRole('link', { name: 'Your profile' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('form #firstName').waitFor();
    await page.locator('#firstName').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Countess');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('lastName');
    await page.keyboard.press('Enter');

    await saveStatus(page).getByText('Your profile was saved.').waitFor();
    const stored = await storedUser(stack.tenant.url, ADA.id);
    expect(stored.user_metadata).toMatchObject({ firstName: 'Countess', lastName: 'Lovelace' });
  });
});
