import { expectSignedIn, openProfile, signInWithPassword } from '../support/app';
import { openPageAllowingThirdPartyCookies } from '../support/browser';
import { recordRequests } from '../support/requests';
import { startStack, type Stack } from '../support/stack';
import { SEED_USERS } from 'local-auth0/testing';

// The control for cross-site-session.spec.ts: the tenant's session cookie is SameSite=None;
// Secure like Auth0's, so where a browser still allows third-party cookies the hidden iframe
// renews across sites and a reload costs no trip; only blocking them costs the one redirect.
describe('app on localhost, tenant on 127.0.0.1, third-party cookies allowed', () => {
  let stack: Stack | undefined;
  let browser: Awaited<ReturnType<typeof openPageAllowingThirdPartyCookies>> | undefined;
  beforeEach(async () => {
    stack = await startStack({ tenantHost: '127.0.0.1' });
    browser = await openPageAllowingThirdPartyCookies();
  });
  afterEach(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('a reload on /profile renews in the hidden iframe with the tenant cookie: no top-level trip', async () => {
    const { page } = browser!;
    const { appUrl, tenant } = stack!;
    await signInWithPassword(page, appUrl, SEED_USERS.ada);
    await openProfile(page);
    const seen = recordRequests(page);
    await page.reload();
    await expectSignedIn(page);
    await page.locator('form #firstName').waitFor();
    expect(seen.filter((request) => request.pageNavigation).map((request) => request.url)).toEqual([`${appUrl}/profile`]);
    expect(seen.some((request) => request.url.startsWith(`${tenant.url}/authorize`) && !request.pageNavigation)).toBe(true);
  });
});
