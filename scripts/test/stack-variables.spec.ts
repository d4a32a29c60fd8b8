import { freePorts } from './support/processes';
import { killAll, runNpmScript, STAND_IN_CMD, type RunningScript } from './support/npm-script';

interface Urls { tenant: string; api: string; app: string }

async function npmStart(extra: Record<string, string>): Promise<{ run: RunningScript; urls: Urls }> {
  const [tenant, api, app, smtp, inbox] = (await freePorts(5)).map(String) as [string, string, string, string, string];
  const env = { LOCAL_AUTH0_PORT: tenant, PORT: api, APP_PORT: app, MAIL_SMTP_PORT: smtp, MAIL_WEB_PORT: inbox, START_APP_CMD: STAND_IN_CMD, ...extra };
  const run = await runNpmScript('start', env, 'Everything is up');
  const tenantHost = extra.CROSS_SITE ? '127.0.0.1' : 'localhost';
  return { run, urls: { tenant: `http://${tenantHost}:${tenant}`, api: `http://localhost:${api}`, app: `http://localhost:${app}` } };
}

/** What a browser on the app meets: its config, the tenant's issuer and callback check, the API's CORS answer. */
async function expectOneStack(run: RunningScript, urls: Urls): Promise<void> {
  expect(run.output()).toContain(`App             ${urls.app}`);
  expect(run.output()).toContain(`GraphQL API     ${urls.api}/graphql`);
  expect(run.output()).toContain(`Local tenant    ${urls.tenant}/`);

  const config = (await (await fetch(`${urls.app}/config.json`)).json()) as { auth0: { domain: string }; apiUrl: string };
  expect({ domain: config.auth0.domain, apiUrl: config.apiUrl }).toEqual({ domain: urls.tenant, apiUrl: `${urls.api}/graphql` });

  const discovery = (await (await fetch(`${urls.tenant}/.well-known/openid-configuration`)).json()) as { issuer: string };
  expect(discovery.issuer).toBe(`${urls.tenant}/`);

  const authorize = new URL(`${urls.tenant}/authorize`);
  const params = { client_id: 'local-spa', redirect_uri: urls.app, response_type: 'code', scope: 'openid', state: 's', nonce: 'n', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' };
  for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
  const login = await fetch(authorize, { redirect: 'manual' });
  expect({ status: login.status, body: login.status >= 400 ? await login.text() : '' }).toEqual({ status: expect.any(Number), body: '' });
  const logout = await fetch(`${urls.tenant}/v2/logout?client_id=local-spa&returnTo=${encodeURIComponent(urls.app)}`, { redirect: 'manual' });
  expect(logout.headers.get('location')).toBe(urls.app);

  const preflight = await fetch(`${urls.api}/graphql`, { method: 'OPTIONS', headers: { origin: urls.app, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
  expect(preflight.headers.get('access-control-allow-origin')).toBe(urls.app);
}

describe('npm start: one set of variables drives the app, the tenant and the API', () => {
  let run: RunningScript | undefined;
  afterEach(() => killAll(run));

  it('with custom ports, the app points at them and the tenant allows the app', async () => {
    const started = await npmStart({});
    run = started.run;
    await expectOneStack(run, started.urls);
  }, 180_000);

  it('CROSS_SITE=1 puts the tenant on 127.0.0.1 (its issuer too) and the app on localhost', async () => {
    const started = await npmStart({ CROSS_SITE: '1' });
    run = started.run;
    await expectOneStack(run, started.urls);
  }, 180_000);
});
