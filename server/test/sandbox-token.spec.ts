// The development Sandbox follows its user by id: a changed email still gets a token; when none
// can be made the page says so visibly; and the page always says what works without Apollo's CDN.
import { decodeJwt } from 'jose';
import { managementToken } from 'local-auth0/testing';
import { ADA, startStack, type Stack } from './support/stack';

const stacks: Stack[] = [];
afterAll(() => Promise.all(stacks.map((stack) => stack.close())));

async function stackWith(env: Record<string, string> = {}): Promise<Stack> {
  const stack = await startStack({ NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env });
  stacks.push(stack);
  return stack;
}

async function sandboxPage(stack: Stack): Promise<string> {
  const response = await fetch(`${stack.api.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  return response.text();
}

async function changeEmail(tenantUrl: string, userId: string, email: string): Promise<void> {
  const { accessToken } = await managementToken(tenantUrl);
  const response = await fetch(`${tenantUrl}/api/v2/users/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(200);
}

const bearer = (page: string) => /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(page)?.[1];

it("still pre-fills a token for ada after she changed her email, and `me` answers her new address", async () => {
  const stack = await stackWith();
  await changeEmail(stack.tenant.url, ADA, 'ada.lovelace@example.org');
  const page = await sandboxPage(stack);
  const token = bearer(page);
  expect(token).toBeDefined();
  expect(decodeJwt(token!).sub).toBe(ADA);
  expect(page).not.toContain('sandbox-token-notice');
  const me = await fetch(`${stack.api.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { id email } }' }),
  });
  expect(await me.json()).toEqual({ data: { me: { id: ADA, email: 'ada.lovelace@example.org' } } });
});

it('says on the page itself, not only in the log, when no token can be made', async () => {
  const stack = await stackWith({ SANDBOX_USER_ID: 'auth0|000000000000000000000000' });
  const page = await sandboxPage(stack);
  expect(bearer(page)).toBeUndefined();
  expect(page).toMatch(/<p id="sandbox-token-notice" role="alert">No token pre-filled: the local tenant gave no token for SANDBOX_USER_ID \(POST \/__local\/tokens answered 404\)\./);
  // Styled with the page's own nonce, so its CSP lets the notice show over the Sandbox.
  const nonce = /nonce="([0-9a-f]+)"/.exec(page)?.[1];
  expect(page).toContain(`<style nonce="${nonce}">#sandbox-token-notice{position:fixed`);
});

it("tells what to use when Apollo's CDN is unreachable: examples.graphql and a ready curl line for `me`", async () => {
  const stack = await stackWith();
  const page = await sandboxPage(stack);
  expect(page).toContain('<code>examples.graphql</code>');
  const curl = /<pre id="sandbox-curl">([^<]+)<\/pre>/.exec(page)?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
  expect(curl).toBe(
    `curl -s ${stack.api.url}/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${bearer(page)}' --data '{"query":"{ me { id email firstName lastName } }"}'`,
  );
  // The line runs as shown.
  const [, token] = /Bearer ([^']+)/.exec(curl!)!;
  const me = await fetch(`${stack.api.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{"query":"{ me { id email firstName lastName } }"}',
  });
  expect(((await me.json()) as { data: { me: { id: string } } }).data.me.id).toBe(ADA);
});
