import { expectSignedIn, openProfile, signInWithPassword } from '../support/app';
import { useHarness } from '../support/harness';
import { recordRequests } from '../support/requests';
import { SEED_USERS } from 'local-auth0/testing';

// The control for cross-site-session.spec.ts: the tenant's session cookie is SameSite=None;
// Secure like Auth0's, so where a browser still allows third-party cookies the hidden iframe
// renews across sites and a reload costs no trip; only blocking them costs the one redirect.
describe('app on localhost, tenant on 127.0.0.1, third-party cookies allowed', () => {
  const t = useHarness({ tenantHost: '127.0.0.1', thirdPartyCookies: 'allowed' });

  it('a reload on /profile renews in the hidden iframe with the tenant cookie: no top-level trip', async () => {
    const { page } = t;
    const { appUrl, tenant } = t.stack;
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
