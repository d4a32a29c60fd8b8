import type { Page } from 'playwright-core';
import { expectSignedIn, openProfile, signInWithPassword } from '../support/app';
import { useHarness } from '../support/harness';
import { recordRequests, type SeenRequest } from '../support/requests';
import { recordIssuedTokens, storedByApp } from '../support/tokens';
import { injectFault, SEED_USERS } from 'local-auth0/testing';

const ADA = SEED_USERS.ada;

const pageLoads = (seen: SeenRequest[]) => seen.filter((request) => request.pageNavigation).map((request) => request.url);
const authorizeTrips = (loads: string[], tenantUrl: string) => loads.filter((url) => url.startsWith(`${tenantUrl}/authorize`));

/** Signs ada in, opens /profile, reloads; the top-level page loads the reload caused. */
async function reloadOnProfile(page: Page, appUrl: string): Promise<SeenRequest[]> {
  await signInWithPassword(page, appUrl, ADA);
  await openProfile(page);
  const seen = recordRequests(page);
  await page.reload();
  return seen;
}

/** Waits out a quiet period and returns the page loads so far: a redirect loop would keep adding to them. */
async function settledLoads(page: Page, seen: SeenRequest[]): Promise<string[]> {
  let loads = pageLoads(seen);
  for (;;) {
    await page.waitForTimeout(3000);
    const now = pageLoads(seen);
    if (now.length === loads.length) return now;
    loads = now;
    if (loads.length > 20) return loads;
  }
}

describe('app on localhost, tenant on 127.0.0.1 (another site), third-party cookies blocked', () => {
  const t = useHarness({ tenantHost: '127.0.0.1', thirdPartyCookies: 'blocked' });

  it('a reload on /profile makes one top-level trip to /authorize and lands signed in on /profile, no password typed, no token stored', async () => {
    const { page, stack } = t;
    const tokens = recordIssuedTokens(page, stack.tenant.url);
    const seen = await reloadOnProfile(page, stack.appUrl);
    await page.waitForURL(`${stack.appUrl}/profile`);
    await expectSignedIn(page);
    await page.locator('form #firstName').waitFor();

    const loads = await settledLoads(page, seen);
    const trips = authorizeTrips(loads, stack.tenant.url);
    expect(trips).toHaveLength(1);
    expect(new URL(trips[0]!).searchParams.get('prompt')).toBe('none');
    // The reload, the tenant's /authorize, the callback back on the app: three page loads.
    expect(loads.map((url) => new URL(url).origin)).toEqual([stack.appUrl, stack.tenant.url, stack.appUrl]);
    expect(seen.filter((request) => request.url.startsWith(`${stack.tenant.url}/login`))).toEqual([]);

    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const stored = await storedByApp(page, stack.appUrl);
    for (const token of tokens) expect(stored).not.toContain(token);
    expect(stored).not.toMatch(/eyJ|token/i);
  });

  it('when the silent renewal hangs, gives up after its timeout and makes the one top-level trip', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    // The hidden iframe's /authorize answers after 30 s; the app waits SILENT_RENEWAL_TIMEOUT_MS (10 s).
    await injectFault(stack.tenant.url, { route: 'GET /authorize', times: 1, delayMs: 30_000 });
    const seen = recordRequests(page);
    const topLevelTrip = page.waitForRequest(
      (request) => request.isNavigationRequest() && request.frame() === page.mainFrame() && request.url().startsWith(`${stack.tenant.url}/authorize`),
      { timeout: 40_000 },
    );
    await page.reload();
    await topLevelTrip;
    await expectSignedIn(page);
    await page.waitForURL(`${stack.appUrl}/profile`);
    await page.locator('form #firstName').waitFor();
    const trips = authorizeTrips(await settledLoads(page, seen), stack.tenant.url);
    expect(trips).toHaveLength(1);
    expect(new URL(trips[0]!).searchParams.get('prompt')).toBe('none');
  });

  it('with the tenant session ended in another tab, a reload lands signed out on home with "Sign in", after one try and no loop', async () => {
    const { page, stack } = t;
    await signInWithPassword(page, stack.appUrl, ADA);
    await openProfile(page);
    const otherTab = await page.context().newPage();
    await otherTab.goto(`${stack.tenant.url}/v2/logout`);
    await otherTab.close();

    const seen = recordRequests(page);
    await page.reload();
    await page.waitForURL(`${stack.appUrl}/`);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).waitFor();
    const loads = await settledLoads(page, seen);
    expect(authorizeTrips(loads, stack.tenant.url)).toHaveLength(1);
    expect(loads).toHaveLength(3);
    expect(new URL(page.url()).search).toBe('');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);

    // The one try is spent: a further reload makes none.
    const again = recordRequests(page);
    await page.reload();
    await page.locator('main').getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await settledLoads(page, again)).toEqual([`${stack.appUrl}/`]);
  });
});

describe('app and tenant both on localhost (one site), third-party cookies blocked', () => {
  const t = useHarness({ thirdPartyCookies: 'blocked' });

  it('a reload on /profile renews in the hidden iframe: no top-level trip to the tenant', async () => {
    const { page, stack } = t;
    const seen = await reloadOnProfile(page, stack.appUrl);
    await expectSignedIn(page);
    await page.locator('form #firstName').waitFor();
    expect(await settledLoads(page, seen)).toEqual([`${stack.appUrl}/profile`]);
  });
});

describe('config.json "session": "localstorage", tenant on another site, third-party cookies blocked', () => {
  const t = useHarness({ tenantHost: '127.0.0.1', thirdPartyCookies: 'blocked', session: 'localstorage' });

  it('keeps the tokens in localStorage, so a reload needs no trip to the tenant at all', async () => {
    const { page, stack } = t;
    const tokens = recordIssuedTokens(page, stack.tenant.url);
    const seen = await reloadOnProfile(page, stack.appUrl);
    await expectSignedIn(page);
    await page.locator('form #firstName').waitFor();
    expect(await settledLoads(page, seen)).toEqual([`${stack.appUrl}/profile`]);
    expect(seen.filter((request) => request.url.startsWith(stack.tenant.url))).toEqual([]);

    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    const [accessToken] = tokens;
    expect(accessToken).toMatch(/^eyJ/);
    expect(stored).toContain(accessToken);
    expect(stored).toContain('refresh_token');
  });
});
