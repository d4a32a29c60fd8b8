import type { Page } from 'playwright-core';

/** Waits for the app to settle on a page where the user is signed in. */
export async function expectSignedIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function openLogin(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#email').waitFor();
}

/** The tenant's Universal-Login-like page: email and password of a database user. */
export async function signInWithPassword(page: Page, appUrl: string, user: { email: string; password: string }): Promise<void> {
  await openLogin(page, appUrl);
  await signInOnTenantPage(page, appUrl, user);
}

/** The tenant's simulated Google button (grace). */
export async function signInWithGoogle(page: Page, appUrl: string): Promise<void> {
  await openLogin(page, appUrl);
  await page.locator('#google').click();
  await page.waitForURL(`${appUrl}/**`);
  await expectSignedIn(page);
}

/** Goes to the profile page through the navigation and waits for the form. */
export async function openProfile(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Your profile' }).click();
  await page.waitForURL('**/profile');
  await page.locator('form #firstName').waitFor();
}

/** `email` is the current address (read-only), `newEmail` the Change email field. */
export const field = (page: Page, id: 'firstName' | 'lastName' | 'email' | 'newEmail') => page.locator(`#${id}`);
export const saveButton = (page: Page) => page.getByRole('button', { name: /^(Save changes|Saving…)$/ });
export const saveStatus = (page: Page) => page.locator('[data-testid=save-status]');
export const sendLinkButton = (page: Page) => page.getByRole('button', { name: /^(Send confirmation link|Send a new link|Sending…)$/ });
export const pendingEmail = (page: Page) => page.locator('[data-testid=pending-email]');
export const emailChangeError = (page: Page) => page.locator('[data-testid=email-change-error]');

/** The tenant's login page (a sign-in the app asked for): fills and sends it, and waits to be back in the app. */
export async function signInOnTenantPage(page: Page, appUrl: string, user: { email: string; password: string }): Promise<void> {
  await page.locator('#password').waitFor();
  await page.locator('#email').fill(user.email);
  await page.locator('#password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(`${appUrl}/**`);
  await expectSignedIn(page);
}

/** Waits until the element shows exactly this text (playwright-core has no retrying expect). */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).filter({ hasText: text }).waitFor();
}
