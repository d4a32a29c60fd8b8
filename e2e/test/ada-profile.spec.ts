import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectSignedIn, field, openProfile, saveButton, saveStatus, signInWithPassword, waitForText } from '../support/app';
import { useHarness } from '../support/harness';
import { ARTIFACTS_DIR } from '../support/paths';
import { recordRequests } from '../support/requests';
import { SEED_USERS, storedUser } from 'local-auth0/testing';

const ADA = SEED_USERS.ada;

const t = useHarness();

describe('ada, a database user', () => {
  it('signs in, renames herself, sees the confirmation, keeps the names after a reload, and the tenant stores them', async () => {
    const { page, stack } = t;
    const seen = recordRequests(page);
    await signInWithPassword(page, stack.appUrl, ADA);
    await waitForText(page, '[data-testid=greeting]', 'Hello, Ada!');

    await openProfile(page);
    await expect(field(page, 'firstName').inputValue()).resolves.toBe('Ada');
    await expect(saveButton(page).isDisabled()).resolves.toBe(true);
    await field(page, 'firstName').fill('Augusta Ada');
    await field(page, 'lastName').fill('King');
    await saveButton(page).click();
    await saveStatus(page).getByText('Your profile was saved.').waitFor();

    // The greeting follows from the Apollo cache: no reload, not even a new `me` query.
    const afterSave = seen.length;
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await waitForText(page, '[data-testid=greeting]', 'Hello, Augusta Ada!');
    expect(seen.slice(afterSave).filter((request) => request.operation === 'Me')).toEqual([]);

    // A reload drops the in-memory tokens; the SDK renews them silently against the tenant.
    await openProfile(page);
    const beforeReload = seen.length;
    await page.reload();
    await expectSignedIn(page);
    await page.locator('form #firstName').waitFor();
    await expect(field(page, 'firstName').inputValue()).resolves.toBe('Augusta Ada');
    await expect(field(page, 'lastName').inputValue()).resolves.toBe('King');
    // No full-page trip to the tenant (redirect hops included): the renewal really was silent.
    const pageLoads = seen.slice(beforeReload).filter((request) => request.pageNavigation);
    expect(pageLoads.filter((request) => request.url.startsWith(stack.tenant.url))).toEqual([]);

    const stored = await storedUser(stack.tenant.url, ADA.id);
    expect(stored.user_metadata).toMatchObject({ firstName: 'Augusta Ada', lastName: 'King' });

    // The access token went to the API and nowhere else, and no token was written to storage.
    const authorized = new Set(seen.filter((request) => request.authorized).map((request) => request.url));
    expect(authorized).toEqual(new Set([`${stack.apiUrl}/graphql`]));
    await expect(page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).resolves.not.toMatch(
      /eyJ|token/i,
    );
  });

  it('writes a screenshot of the profile page to e2e/artifacts/profile.png', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, 'profile.png');
    const png = await page.screenshot({ path, fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('logs out and lands on the home page, signed out', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${stack.appUrl}/`);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).waitFor();
    await expect(page.getByRole('link', { name: 'Your profile' }).count()).resolves.toBe(0);
  });
});
