import { field, openProfile, saveButton, saveStatus, signInWithPassword, waitForText } from '../support/app';
import { useHarness } from '../support/harness';
import { ROUTES, SEED_USERS, injectFault, readCounts, storedUser } from 'local-auth0/testing';

const ADA = SEED_USERS.ada;

const t = useHarness();
const PATCH_USER = ROUTES.patchUser;

describe('saving when something goes wrong', () => {
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
