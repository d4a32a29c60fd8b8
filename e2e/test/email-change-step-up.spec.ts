import { linkIn } from 'test-support/mail-catcher';
import { SEED_USERS, storedUser } from 'local-auth0/testing';
import {
  field,
  openProfile,
  pendingEmail,
  sendLinkButton,
  signInOnTenantPage,
  signInWithPassword,
  waitForText,
} from '../support/app';
import { useHarness } from '../support/harness';
import { recordRequests } from '../support/requests';

const ADA = SEED_USERS.ada;
const NEW_ADDRESS = 'ada@lovelace.org';
/**
 * The API's sensitive-action age, small so that ada's sign-in can outgrow it within the test;
 * large enough that the sign-in she makes again is still recent when the app resends the request.
 */
const MAX_AGE_SECONDS = 8;

const t = useHarness({ apiEnv: { SENSITIVE_ACTION_MAX_AGE_SECONDS: String(MAX_AGE_SECONDS) } });

describe('ada changes her email', () => {
  it('signs in again when her sign-in is too old, lands back with the request done, and the mailed link switches the address', async () => {
    const { page, stack } = t;
    const seen = recordRequests(page);
    await signInWithPassword(page, stack.appUrl, ADA);
    const signedInAt = Date.now();
    await waitForText(page, '[data-testid=greeting]', 'Hello, Ada!');
    await openProfile(page);
    await field(page, 'newEmail').fill(NEW_ADDRESS);

    // Her sign-in is now older than the API accepts for this change.
    await page.waitForTimeout(Math.max(0, signedInAt + (MAX_AGE_SECONDS + 1) * 1000 - Date.now()));
    await sendLinkButton(page).click();

    // The step-up: the tenant's login page, asked for with max_age, although her session is alive.
    await page.waitForURL((url) => url.href.startsWith(`${stack.tenant.url}/authorize`));
    expect(new URL(page.url()).searchParams.get('max_age')).toBe(String(MAX_AGE_SECONDS));
    await signInOnTenantPage(page, stack.appUrl, ADA);

    // Back on her profile with the request finished: nothing retyped.
    await page.waitForURL(`${stack.appUrl}/profile`);
    await pendingEmail(page).getByText(NEW_ADDRESS).waitFor();
    await expect(pendingEmail(page).textContent()).resolves.toMatch(/We sent a link to ada@lovelace\.org; it expires at .+\./);
    expect(seen.filter((request) => request.operation === 'RequestEmailChange')).toHaveLength(2);
    await expect(storedUser(stack.tenant.url, ADA.id)).resolves.toMatchObject({ email: ADA.email });

    // The link in the mail to the new address switches it.
    const mail = await stack.mail.waitForMail(NEW_ADDRESS, { timeoutMs: 10_000 });
    const link = linkIn(mail, `${stack.appUrl}/profile/confirm-email?token=`);
    await page.goto(link);
    await waitForText(page, '[data-testid=confirm-result]', `Your email is now ${NEW_ADDRESS}.`);
    expect(page.url()).toBe(`${stack.appUrl}/profile/confirm-email`);
    await expect(storedUser(stack.tenant.url, ADA.id)).resolves.toMatchObject({ email: NEW_ADDRESS, email_verified: true });

    // The old address is told.
    const notice = await stack.mail.waitForMail(ADA.email, { timeoutMs: 10_000 });
    expect(notice.text).toContain(NEW_ADDRESS);

    // The home page and the profile show the new address.
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    await waitForText(page, '[data-testid=home-email]', NEW_ADDRESS);
    await waitForText(page, '[data-testid=greeting]', 'Hello, Ada!');
    await openProfile(page);
    await expect(field(page, 'email').inputValue()).resolves.toBe(NEW_ADDRESS);
    await expect(page.locator('#email-unverified').count()).resolves.toBe(0);
    await expect(pendingEmail(page).count()).resolves.toBe(0);

    // The token left no history entry behind: back at the confirmation page, it has none.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(`${stack.appUrl}/profile/confirm-email`);
    await waitForText(page, '[data-testid=confirm-result]', 'This page needs the link from the mail');
  });
});
