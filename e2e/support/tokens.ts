import type { Page } from 'playwright-core';

/** Every token the tenant hands the page at /oauth/token from now on (access, ID and refresh). */
export function recordIssuedTokens(page: Page, tenantUrl: string): string[] {
  const tokens: string[] = [];
  page.on('response', (response) => {
    if (response.url() !== `${tenantUrl}/oauth/token` || response.request().method() !== 'POST' || !response.ok()) return;
    void response
      .json()
      .then((body: Record<string, unknown>) => {
        for (const key of ['access_token', 'id_token', 'refresh_token']) {
          if (typeof body[key] === 'string') tokens.push(body[key]);
        }
      })
      .catch(() => undefined);
  });
  return tokens;
}

/** What the app's origin keeps in the browser: localStorage, sessionStorage and its cookies, as one text. */
export async function storedByApp(page: Page, appUrl: string): Promise<string> {
  const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  const cookies = await page.context().cookies(appUrl);
  return `${storage}\n${cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('\n')}`;
}
