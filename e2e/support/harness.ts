import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blockThirdPartyCookies, launchChromium, openPage } from './browser';
import { startStack, type Stack, type StackOptions } from './stack';

export interface Harness {
  /** This test's tenant, API and app. */
  readonly stack: Stack;
  /** This test's page, in a fresh browser profile. */
  readonly page: Page;
}

export interface HarnessOptions extends StackOptions {
  /** Block third-party cookies explicitly rather than rely on the browser context's default. */
  thirdPartyCookies?: 'blocked';
}

/**
 * Registers the jest hooks of an e2e file: one Chromium per file; a fresh tenant, API, app
 * server and browser profile per test, so every test starts from the seed and stands alone.
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  let browser: Browser | undefined;
  let stack: Stack | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    stack = await startStack(options);
    ({ context, page } = await openPage(browser));
    if (options.thirdPartyCookies === 'blocked') await blockThirdPartyCookies(page);
  });
  afterEach(async () => {
    await context?.close();
    await stack?.close();
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };
  return {
    get stack() {
      return need(stack, 'stack');
    },
    get page() {
      return need(page, 'page');
    },
  };
}
