import { field, openProfile, saveButton, saveStatus, signInWithGoogle, waitForText } from '../support/app';
import { useHarness } from '../support/harness';
import { SEED_USERS, storedUser } from 'local-auth0/testing';

const GRACE = SEED_USERS.grace;

const t = useHarness();

describe('grace, a Google user', () => {
  it('signs in with the simulated Google button, cannot edit her email or ask to change it, and can change her names', async () => {
    const { page, stack } = t;
    await signInWithGoogle(page, stack.appUrl);
    await waitForText(page, '[data-testid=greeting]', 'Hello, Grace!');

    await openProfile(page);
    const email = field(page, 'email');
    await expect(email.inputValue()).resolves.toBe(GRACE.email);
    await expect(email.evaluate((input: HTMLInputElement) => input.readOnly)).resolves.toBe(true);
    await expect(email.getAttribute('aria-describedby')).resolves.toBe('email-hint');
    await expect(page.locator('#email-hint').textContent()).resolves.toBe(
      'Your email comes from your Google account and can only be changed there.',
    );
    // Typing into the read-only field changes nothing, and there is no way to ask for another address.
    await email.press('End');
    await page.keyboard.type('x');
    await expect(email.inputValue()).resolves.toBe(GRACE.email);
    await expect(field(page, 'newEmail').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Send/ }).count()).resolves.toBe(0);
    await expect(saveButton(page).isDisabled()).resolves.toBe(true);

    await field(page, 'firstName').fill('Amazing Grace');
    await saveButton(page).click();
    await saveStatus(page).getByText('Your profile was saved.').waitFor();

    const stored = await storedUser(stack.tenant.url, GRACE.id);
    expect(stored.user_metadata).toMatchObject({ firstName: 'Amazing Grace', lastName: 'Hopper' });
    expect(stored.email).toBe(GRACE.email);
  });
});
