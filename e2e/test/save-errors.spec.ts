import { field, openProfile, saveButton, saveError, saveStatus, signInWithPassword, waitForText } from '../support/app';
import { useHarness } from '../support/harness';
import { ROUTES, SEED_USERS, injectFault, readCounts, storedUser } from 'local-auth0/testing';

const ADA = SEED_USERS.ada;
const ALAN = SEED_USERS.alan;

const t = useHarness();
const PATCH_USER = ROUTES.patchUser;

describe('saving when something goes wrong', () => {
  it('shows a field error from the server on that field and keeps the edit (an email another user has)', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);

    // Well-formed, so the form accepts it; only the tenant knows alan already has it.
    await field(page, 'email').fill(ALAN.email);
    await saveButton(page).click();

    await page.locator('#email-error').waitFor();
    await expect(page.locator('#email-error').textContent()).resolves.toMatch(/\S/);
    await expect(field(page, 'email').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(field(page, 'email').getAttribute('aria-describedby')).resolves.toContain('email-error');
    await expect(saveError(page).textContent()).resolves.toContain('Please check the highlighted field.');
    await expect(field(page, 'email').inputValue()).resolves.toBe(ALAN.email);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('email');
    await expect(storedUser(stack.tenant.url, ADA.id)).resolves.toMatchObject({ email: ADA.email });
  });

  it('says when to retry after Auth0 answers 429, keeps the edits, and saves them on the next try', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    await field(page, 'firstName').fill('Augusta');
    await field(page, 'lastName').fill('Byron');

    await injectFault(stack.tenant.url, { route: PATCH_USER, status: 429, times: 1, headers: { 'retry-after': '20' } });
    await saveButton(page).click();

    await waitForText(page, '[data-testid=save-error]', 'Try again in 20 seconds.');
    await expect(field(page, 'firstName').inputValue()).resolves.toBe('Augusta');
    await expect(field(page, 'lastName').inputValue()).resolves.toBe('Byron');
    await expect(readCounts(stack.tenant.url)).resolves.toMatchObject({ [PATCH_USER]: 1 });

    await saveButton(page).click();
    await saveStatus(page).getByText('Your profile was saved.').waitFor();
    const stored = await storedUser(stack.tenant.url, ADA.id);
    expect(stored.user_metadata).toMatchObject({ firstName: 'Augusta', lastName: 'Byron' });
  });

  it('says the account service is unreachable when Auth0 fails, and keeps the edits', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    await field(page, 'lastName').fill('Byron');

    await injectFault(stack.tenant.url, { route: PATCH_USER, status: 503, times: 1 });
    await saveButton(page).click();

    await waitForText(page, '[data-testid=save-error]', 'The account service is not reachable right now.');
    await expect(field(page, 'lastName').inputValue()).resolves.toBe('Byron');
    await expect(saveButton(page).isEnabled()).resolves.toBe(true);
  });

  it('says the server cannot be reached when the API is down, and keeps the edits', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    await field(page, 'firstName').fill('Augusta');

    await stack.stopApi();
    await saveButton(page).click();

    await waitForText(page, '[data-testid=save-error]', 'Could not reach the server.');
    await expect(field(page, 'firstName').inputValue()).resolves.toBe('Augusta');
    await expect(saveButton(page).isEnabled()).resolves.toBe(true);
  });
});
