// The real API under NODE_ENV=production: nothing about the schema or the limits leaks, and every
// route carries the security headers (there is no Sandbox page to exempt).
import { gql } from '../support/graphql';
import { useStack } from '../support/use-stack';

jest.setTimeout(30_000); // starting a tenant (RSA keys) can take seconds on a busy machine

const stack = useStack({ env: { NODE_ENV: 'production', LOG_LEVEL: 'silent' }, signIn: ['ada'], reset: 'none' });

it('hides field suggestions', async () => {
  const res = await gql(stack.api.url, '{ me { firstNam } }', { token: stack.tokens.ada });
  expect(res.status).toBe(400);
  const message = res.body.errors?.[0]?.message ?? '';
  expect(message).toMatch(/Cannot query field/);
  expect(message).not.toMatch(/Did you mean|firstName/);
});

it('refuses an over-limit query without revealing the limit', async () => {
  const aliases = Array.from({ length: 8 }, (_, i) => `a${i}: me { id }`).join(' ');
  const res = await gql(stack.api.url, `{ ${aliases} }`, { token: stack.tokens.ada });
  expect(res.status).toBe(400);
  expect(res.body.errors?.[0]?.message).not.toMatch(/\d/);
});

it('sends security headers on the GraphQL route, HTML requested or not', async () => {
  for (const accept of ['text/html', 'application/json']) {
    const res = await fetch(`${stack.api.url}/graphql`, { headers: { accept } });
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  }
});

it('still answers an ordinary me query', async () => {
  const res = await gql(stack.api.url, '{ me { id } }', { token: stack.tokens.ada });
  expect(res.body.errors).toBeUndefined();
});
