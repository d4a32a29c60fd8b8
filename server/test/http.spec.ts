import { gql, ME } from './support/graphql';
import { startStack } from './support/stack';
import { useStack } from './support/use-stack';
import { injectFault, userToken } from 'local-auth0/testing';

describe('in development on the local tenant', () => {
  const stack = useStack({ env: { NODE_ENV: 'development', LOG_LEVEL: 'info' }, logs: 'file', reset: 'none' });

  it('answers GET /healthz', async () => {
    const response = await fetch(`${stack.api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves the Sandbox pre-filled with a working token for ada', async () => {
    const response = await fetch(`${stack.api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('embeddable-sandbox');
    const token = /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(html)?.[1];
    expect(token).toBeDefined();
    const result = await gql(stack.api.url, ME, { token });
    expect(result.body.data?.me).toMatchObject({ email: 'ada@example.com' });
  });

  it('writes one log line per request with a request id, echoed in x-request-id, and never the token', async () => {
    const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
    const result = await gql(stack.api.url, ME, { token, headers: { 'x-request-id': 'req-test-42' } });
    expect(result.headers.get('x-request-id')).toBe('req-test-42');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = stack.logs.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const mine = lines.filter((line) => line.reqId === 'req-test-42');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ operationName: 'Me', req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(stack.logs).not.toContain(token);
    expect(stack.logs).not.toContain('local-management-secret');
  });

  it('makes up a request id when none (or a weird one) is sent', async () => {
    const response = await fetch(`${stack.api.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows the configured origin and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.api.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    expect((await preflight('http://localhost:4200')).headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers malformed JSON with 400 and no stack', async () => {
    const response = await fetch(`${stack.api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/at .*\.js/);
  });
});

describe('in production', () => {
  const stack = useStack({ env: { NODE_ENV: 'production', LOG_LEVEL: 'silent' }, reset: 'none' });

  it('serves no landing page', async () => {
    const response = await fetch(`${stack.api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('embeddable-sandbox');
  });

  it('refuses introspection', async () => {
    const result = await gql(stack.api.url, '{ __schema { queryType { name } } }');
    expect(result.body.errors?.[0]?.message).toMatch(/introspection/i);
  });
});

describe('close()', () => {
  it('lets an in-flight request finish, then stops listening', async () => {
    const stack = await startStack({ AUTH0_TIMEOUT_MS: '3000', PROFILE_CACHE_TTL_SECONDS: '0' });
    try {
      const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
      await gql(stack.api.url, ME, { token });
      await injectFault(stack.tenant.url, { route: 'GET /api/v2/users/:id', delayMs: 500 });
      const inFlight = gql(stack.api.url, ME, { token });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const closed = stack.api.close();
      const result = await inFlight;
      expect(result.body.data?.me).toMatchObject({ email: 'ada@example.com' });
      await closed;
      await expect(fetch(`${stack.api.url}/healthz`)).rejects.toThrow();
    } finally {
      await stack.tenant.close();
    }
  });
});
