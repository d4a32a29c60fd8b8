// `npm start` exactly as a new user runs it, with the real `ng serve` and other ports than the
// defaults: the app must come up from the dev server, point at this run's tenant and API, and
// sign ada in. Then the cross-site recipe (`npm start -- --cross-site`): the tenant on 127.0.0.1,
// the app on localhost, and the session restored after a reload.
import type { Browser, Page } from 'playwright-core';
import { SEED_USERS } from 'local-auth0/testing';
import { expectSignedIn, openProfile, signInWithPassword } from '../support/app';
import { launchChromium, openPage } from '../support/browser';
import { freePorts } from '../../scripts/test/support/processes';
import { killAll, leftRunning, runNpmScript, type RunningScript } from '../../scripts/test/support/npm-script';

const NG_SERVE_MS = 240_000;

async function npmStart(args: string[]): Promise<{ run: RunningScript; appUrl: string; ports: number[] }> {
  const ports = await freePorts(5);
  const [tenant, api, app, smtp, inbox] = ports.map(String) as [string, string, string, string, string];
  const env = { LOCAL_AUTH0_PORT: tenant, PORT: api, APP_PORT: app, MAIL_SMTP_PORT: smtp, MAIL_WEB_PORT: inbox };
  const run = await runNpmScript('start', env, 'Everything is up', NG_SERVE_MS, args);
  return { run, appUrl: `http://localhost:${app}`, ports };
}

describe('npm start with the real ng serve', () => {
  let browser: Browser;
  let run: RunningScript | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());
  afterEach(() => killAll(run));

  async function pageWithErrors(): Promise<{ page: Page; errors: string[] }> {
    const { page } = await openPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  it('on custom ports, serves the app that signs ada in', async () => {
    const started = await npmStart([]);
    run = started.run;
    expect(run.output()).not.toMatch(/WARNING|not found in TypeScript compilation/);
    const { page, errors } = await pageWithErrors();
    await signInWithPassword(page, started.appUrl, SEED_USERS.ada);
    await page.getByRole('heading', { name: /Ada/ }).waitFor();
    expect(errors).toEqual([]);
    run.npm.kill('SIGTERM');
    expect(await leftRunning(run, started.ports, 5000)).toEqual({ processes: [], ports: [] });
  }, NG_SERVE_MS + 60_000);

  it('with --cross-site, the tenant is on 127.0.0.1 and a reload restores the session', async () => {
    const started = await npmStart(['--', '--cross-site']);
    run = started.run;
    expect(run.output()).toMatch(/Local tenant +http:\/\/127\.0\.0\.1:\d+\//);
    const { page } = await pageWithErrors();
    await signInWithPassword(page, started.appUrl, SEED_USERS.ada);
    await openProfile(page);
    await page.reload();
    await page.waitForURL(`${started.appUrl}/profile`);
    await expectSignedIn(page);
    await page.locator('form #firstName').waitFor();
  }, NG_SERVE_MS + 60_000);
});
