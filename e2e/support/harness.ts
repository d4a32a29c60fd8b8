import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';
import { startStack, type Stack } from './stack';

export interface Harness {
  /** This test's tenant, API and app. */
  readonly stack: Stack;
  /** This test's page, in a fresh browser profile. */
  readonly page: Page;
}

/**
 * Registers the jest hooks of an e2e file: one Chromium per file; a fresh tenant, API, app
 * server and browser profile per test, so every test starts from the seed and stands alone.
 */
export function useHarness(options: { apiEnv?: Record<string, string> } = {}): Harness {
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
    stack = await startStack(options.apiEnv);
    ({ context, page } = await openPage(browser));
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
