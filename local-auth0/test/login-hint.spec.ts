// The login page's demo logins follow each seed user by id: a changed email shows the current
// address, a deleted user is no longer advertised.
import { ADA, GRACE, managementToken, useTenant, userPath } from './helpers';
import { authorizeQuery, pkce } from './oidc-helpers';

const tenant = useTenant();

async function demoLoginsShown(): Promise<string> {
  const page = await (await fetch(`${tenant.url}/authorize?${authorizeQuery(pkce().challenge)}`)).text();
  return /<p class="note">Demo logins: ([^<]*)\.<\/p>/.exec(page)?.[1] ?? '';
}

async function manage(method: string, userId: string, body?: unknown): Promise<void> {
  const token = await managementToken(tenant);
  const response = await fetch(userPath(tenant, userId), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

it("shows ada's current email after she changed it", async () => {
  expect(await demoLoginsShown()).toContain('ada@example.com / Ada-Lovelace-1815');
  await manage('PATCH', ADA, { email: 'ada.lovelace@example.org' });
  const shown = await demoLoginsShown();
  expect(shown).toContain('ada.lovelace@example.org / Ada-Lovelace-1815');
  expect(shown).not.toContain('ada@example.com');
  // The tenant's start banner (local-auth0/src/main.ts) prints the same list.
  expect(tenant.demoLogins()).toContain('ada.lovelace@example.org / Ada-Lovelace-1815');
});

it('leaves out a deleted seed user', async () => {
  await manage('DELETE', GRACE);
  const shown = await demoLoginsShown();
  expect(shown).not.toContain('grace@example.com');
  expect(shown).toContain('ada@example.com');
});
