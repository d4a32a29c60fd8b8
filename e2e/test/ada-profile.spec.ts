import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectSignedIn, field, openProfile, saveButton, saveStatus, signInWithPassword, waitForText } from '../support/app';
import { useHarness } from '../support/harness';
import { ARTIFACTS_DIR } from '../support/paths';
import { ADA, readStoredUser } from '../support/tenant';

const t = useHarness();

/** URLs of the requests that carried an Authorization header. */
function recordAuthorizedRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['authorization']) urls.push(request.url());
  });
  return urls;
}

describe('ada, a database user', () => {
  it('signs in, renames herself, sees the confirmation, keeps the names after a reload, and the tenant stores them', async () => {
    const { page, stack } = t;
    const authorized = recordAuthorizedRequests(page);
    await signInWithPassword(page, stack.appUrl, ADA);
    await waitForText(page, '[data-testid=greeting]', 'Hello, Ada!');

    await openProfile(page);
    await expect(field(page, 'firstName').inputValue()).resolves.toBe('Ada');
    await expect(saveButton(page).isDisabled()).resolves.toBe(true);
    await field(page, 'firstName').fill('Augusta Ada');
    await field(page, 'lastName').fill('King');
    await saveButton(page).click();
    await saveStatus(page).getByText('Your profile was saved.').waitFor();

    // The greeting follows from the Apollo cache, without a reload.
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await waitForText(page, '[data-testid=greeting]', 'Hello, Augusta Ada!');

    // A reload drops the in-memory tokens; the SDK renews them silently against the tenant.
    await openProfile(page);
    // Redirect hops count too: a full-page trip to the tenant's /authorize would mean a re-login.
    const visited: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) visited.push(request.url());
    });
    await page.reload();
    await expectSignedIn(page);
    await page.locator('form #firstName').waitFor();
    await expect(field(page, 'firstName').inputValue()).resolves.toBe('Augusta Ada');
    await expect(field(page, 'lastName').inputValue()).resolves.toBe('King');
    expect(visited.filter((url) => url.startsWith(stack.tenant.url))).toEqual([]);

    const stored = await readStoredUser(stack.tenant, ADA.id);
    expect(stored.user_metadata).toMatchObject({ firstName: 'Augusta Ada', lastName: 'King' });

    // The access token went to the API and nowhere else, and no token was written to storage.
    expect(authorized.length).toBeGreaterThan(0);
    expect(new Set(authorized)).toEqual(new Set([`${stack.apiUrl}/graphql`]));
    await expect(page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).resolves.not.toMatch(
      /eyJ|token/i,
    );
  });

  it('changes her email and sees the new address marked unverified', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    await expect(page.locator('#email-unverified').count()).resolves.toBe(0);

    await field(page, 'email').fill('ada@lovelace.org');
    await saveButton(page).click();
    await saveStatus(page).getByText('We sent a verification mail to ada@lovelace.org', { exact: false }).waitFor();
    await expect(page.locator('#email-unverified').textContent()).resolves.toBe('Unverified');
    await expect(field(page, 'email').getAttribute('aria-describedby')).resolves.toContain('email-unverified');

    const stored = await readStoredUser(stack.tenant, ADA.id);
    expect(stored).toMatchObject({ email: 'ada@lovelace.org', email_verified: false });
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
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${stack.appUrl}/`);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).waitFor();
    await expect(page.getByRole('link', { name: 'Your profile' }).count()).resolves.toBe(0);
  });
});
