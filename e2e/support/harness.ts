import type { Page } from 'playwright-core';
import { useRunning } from 'test-support/hooks';
import { blockThirdPartyCookies, launchChromium, openPage, openPageAllowingThirdPartyCookies } from './browser';
import { startStack, type Stack, type StackOptions } from './stack';

export interface Harness {
  /** This test's tenant, API and app. */
  readonly stack: Stack;
  /** This test's page, in a fresh browser profile. */
  readonly page: Page;
}

export interface HarnessOptions extends StackOptions {
  /**
   * 'blocked': blocked explicitly rather than left to the browser context's default; 'allowed': each
   * test gets a Chromium profile of its own that allows them (no shared Chromium then).
   */
  thirdPartyCookies?: 'blocked' | 'allowed';
}

/**
 * Registers the jest hooks of an e2e file (useRunning): one Chromium per file; a fresh tenant, API,
 * app server and browser profile per test, so every test starts from the seed and stands alone.
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  const browser = options.thirdPartyCookies === 'allowed' ? undefined : useRunning(launchChromium);
  const openTestPage = async (): Promise<{ page: Page; close(): Promise<void> }> => {
    if (!browser) return openPageAllowingThirdPartyCookies();
    const { context, page } = await openPage(browser);
    if (options.thirdPartyCookies === 'blocked') await blockThirdPartyCookies(page);
    return { page, close: () => context.close() };
  };
  return useRunning(
    async () => {
      const stack = await startStack(options);
      const opened = await openTestPage().catch(async (error: unknown) => {
        await stack.close();
        throw error;
      });
      return {
        stack,
        page: opened.page,
        async close() {
          await opened.close();
          await stack.close();
        },
      };
    },
    { lifetime: 'test' },
  );
}
