import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { LocalAuth0 } from '../src/index';
import { API, startTenant } from './helpers';

/**
 * The real @auth0/auth0-spa-js in Chromium against the tenant: redirect login through the login
 * page, then a silent renewal through the hidden iframe (web_message), then logout.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

const SDK = readFileSync(require.resolve('@auth0/auth0-spa-js/dist/auth0-spa-js.production.js'), 'utf8');

function appPage(domain: string, origin: string): string {
  const options = { domain, clientId: 'local-spa', authorizationParams: { redirect_uri: origin, audience: API } };
  return `<!doctype html><html><body><script src="/sdk.js"></script><script>
window.ready = (async () => {
  const client = await auth0.createAuth0Client(${JSON.stringify(options)});
  if (location.search.includes('code=')) {
    await client.handleRedirectCallback();
    history.replaceState({}, '', '/');
  }
  window.client = client;
})();
</script></body></html>`;
}

/** Serves the test app; the tenant URL is read per request because the tenant starts after the app. */
function serveApp(tenantUrl: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/sdk.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(SDK);
    const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    res.writeHead(200, { 'content-type': 'text/html' }).end(appPage(tenantUrl(), origin));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://localhost:${(server.address() as AddressInfo).port}` })));
}

/** What the test page exposes on its global object (the test has no DOM typings). */
interface AppGlobal {
  ready: Promise<void>;
  client: {
    loginWithRedirect(): Promise<void>;
    logout(options: object): Promise<void>;
    getUser(): Promise<{ email?: string } | undefined>;
    getTokenSilently(options: object): Promise<string>;
  };
}

describeWithBrowser('@auth0/auth0-spa-js in Chromium', () => {
  let browser: Browser;
  let app: { server: Server; origin: string };
  let tenant: LocalAuth0;

  beforeAll(async () => {
    app = await serveApp(() => tenant.url);
    tenant = await startTenant({ spaUrls: [app.origin] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await tenant?.close();
    app?.server.close();
  });

  it('logs in by redirect, renews silently through the iframe, and logs out', async () => {
    const page = await browser.newPage();
    await page.goto(app.origin);
    await page.evaluate(() => (globalThis as unknown as AppGlobal).ready);
    await page.evaluate(() => (globalThis as unknown as AppGlobal).client.loginWithRedirect());
    await page.waitForURL(`${tenant.url}/**`);
    await page.fill('#email', 'ada@example.com');
    await page.fill('#password', 'Ada-Lovelace-1815');
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.origin}/`);
    const result = await page.evaluate(async () => {
      const w = globalThis as unknown as AppGlobal;
      await w.ready;
      const user = await w.client.getUser();
      const token = await w.client.getTokenSilently({ cacheMode: 'off' });
      return { email: user?.email, token };
    });
    expect(result.email).toBe('ada@example.com');
    const claims = JSON.parse(Buffer.from(result.token.split('.')[1]!, 'base64url').toString()) as { sub: string; aud: string[] };
    expect(claims.sub).toBe('auth0|64f1a2b3c4d5e6f708192a3b');
    expect(claims.aud).toContain(API);

    const backFromLogout = page.waitForResponse((r) => r.url() === `${app.origin}/` && !!r.request().redirectedFrom()?.url().includes('/v2/logout'));
    const reloaded = page.waitForEvent('load'); // the app's page again, after the tenant's 302
    await page
      .evaluate((origin) => (globalThis as unknown as AppGlobal).client.logout({ logoutParams: { returnTo: origin } }), app.origin)
      .catch(() => undefined); // the page navigates away while the call returns
    await Promise.all([backFromLogout, reloaded]);
    const afterLogout = await page.evaluate(async () => {
      const w = globalThis as unknown as AppGlobal;
      await w.ready;
      return w.client.getTokenSilently({ cacheMode: 'off' }).then(() => 'token', (e: { error?: string }) => e.error);
    });
    expect(afterLogout).toBe('login_required');
    await page.close();
  }, 60_000);
});
