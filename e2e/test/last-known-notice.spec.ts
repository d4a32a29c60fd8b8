import { expectSignedIn, field, openProfile, saveButton, saveStatus, signInWithPassword } from '../support/app';
import { useHarness } from '../support/harness';
import { ROUTES, SEED_USERS, injectFault, resetTenant } from 'local-auth0/testing';

const ADA = SEED_USERS.ada;

// No API profile cache: after the reload, `me` reaches the tenant and meets the fault.
const t = useHarness({ apiEnv: { PROFILE_CACHE_TTL_SECONDS: '0' } });

describe('when Auth0 cannot be read', () => {
  it('shows the last-known profile with a discreet notice and Save disabled, then saves again once Auth0 answers', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    const notice = page.locator('[data-testid=last-known-notice]');
    await expect(notice.count()).resolves.toBe(0);

    await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 429, times: 1000 });
    await page.reload();
    await expectSignedIn(page);
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/Showing your profile as of .+ — Auth0 is busy/);
    await expect(field(page, 'firstName').inputValue()).resolves.toBe('Ada');
    await field(page, 'firstName').fill('Augusta');
    await expect(saveButton(page).isDisabled()).resolves.toBe(true);

    await resetTenant(stack.tenant.url);
    await notice.getByRole('button', { name: 'Try again' }).click();
    await notice.waitFor({ state: 'detached' });
    await expect(field(page, 'firstName').inputValue()).resolves.toBe('Augusta');
    await saveButton(page).click();
    await saveStatus(page).getByText('Your profile was saved.').waitFor();
  });
});
