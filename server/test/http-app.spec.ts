import { ApolloServer } from '@apollo/server';
import helmet from 'helmet';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import pino from 'pino';
import { queryLimitOptions } from '../src/graphql/query-limits';
import { createApp } from '../src/http/app';
import type { HttpConfig } from '../src/http/http-config';
import type { Readiness } from '../src/http/readiness';
import { useRunning } from 'test-support/hooks';

const READY: Readiness = { statusCode: 200, body: { status: 'ok', dependencies: { redis: 'disabled', jwks: 'ok', managementToken: 'ok' } } };

const typeDefs = `#graphql
  type Query { me: Profile! }
  type Profile { id: ID! email: String! firstName: String lastName: String }
`;

interface TestApi {
  url: string;
  resolverCalls: () => number;
  close: () => Promise<void>;
}

async function startApi(overrides: Partial<HttpConfig> = {}): Promise<TestApi> {
  const config: HttpConfig = {
    production: false,
    corsOrigins: ['http://localhost:4200'],
    bodyLimitBytes: 32 * 1024,
    requestReadTimeoutMs: 15_000,
    graphqlPath: '/graphql',
    ...overrides,
  };
  let calls = 0;
  const resolvers = { Query: { me: () => (calls++, { id: 'u1', email: 'a@example.com', firstName: 'A' }) } };
  const apollo = new ApolloServer({ typeDefs, resolvers, ...queryLimitOptions(config) });
  await apollo.start();
  const app = await createApp({ http: config, logger: pino({ level: 'silent' }), apollo, buildContext: () => Promise.resolve({}), checkReadiness: () => Promise.resolve(READY) });
  await app.listen({ port: 0, host: 'localhost' });
  return {
    url: `http://localhost:${(app.server.address() as AddressInfo).port}`,
    resolverCalls: () => calls,
    close: async () => {
      await app.close();
      await apollo.stop();
    },
  };
}

const post = (api: TestApi, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function errorsOf(res: Response): Promise<{ message: string; extensions?: { code?: string } }[]> {
  const json = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return json.errors ?? [];
}

describe('GraphQL query limits', () => {
  const api = useRunning(() => startApi());

  it('answers an ordinary me query', async () => {
    const res = await post(api, { query: '{ me { id email firstName lastName } }' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: { id: 'u1', email: 'a@example.com', firstName: 'A', lastName: null } } });
  });

  it('refuses me under 300 aliases (over the token limit, under the byte limit) before any resolver runs', async () => {
    const before = api.resolverCalls();
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await post(api, { query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(api.resolverCalls()).toBe(before);
  });

  it('refuses six aliases of me (under the token limit) before any resolver runs', async () => {
    const before = api.resolverCalls();
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await post(api, { query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.message).toMatch(/aliases/i);
    expect(api.resolverCalls()).toBe(before);
  });

  it('refuses a query deeper than the schema needs', async () => {
    const res = await post(api, { query: '{ __type(name: "Profile") { fields { type { ofType { ofType { name } } } } } }' });
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.message).toMatch(/depth/i);
  });

  it('refuses a query whose cost exceeds the limit', async () => {
    const res = await post(api, { query: `{ me { ${'id '.repeat(70)} } }` });
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.message).toMatch(/cost/i);
  });

  it('refuses a field carrying too many directives', async () => {
    const res = await post(api, { query: `{ me ${'@include(if: true) '.repeat(11)} { id } }` });
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.message).toMatch(/directives/i);
  });

  it('refuses batched requests', async () => {
    const before = api.resolverCalls();
    const res = await post(api, [{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(res.status).toBe(400);
    expect(api.resolverCalls()).toBe(before);
  });

  it('answers the standard introspection query in development', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const res = await post(api, { query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data?: { __schema?: unknown } }).data?.__schema).toBeDefined();
  });

  it('suggests field names in development', async () => {
    const res = await post(api, { query: '{ me { firstNam } }' });
    expect((await errorsOf(res))[0]?.message).toMatch(/Did you mean/);
  });
});

describe('GraphQL request body guards', () => {
  const api = useRunning(() => startApi({ bodyLimitBytes: 2048 }));

  it('answers 413 with a JSON error for a body over the limit', async () => {
    const res = await post(api, { query: '{ me { id } }', variables: { pad: 'x'.repeat(4096) } });
    expect(res.status).toBe(413);
    expect((await errorsOf(res))[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 with a JSON error for malformed JSON', async () => {
    const res = await post(api, '{"query": "{ me { id } }"');
    expect(res.status).toBe(400);
    expect(await errorsOf(res)).toEqual([{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await post(api, 'query=%7B+me+%7B+id+%7D+%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect((await errorsOf(res))[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(api.resolverCalls()).toBe(0);
  });

  it('blocks a GET query without a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.message).toMatch(/Cross-Site Request Forgery/);
    expect(api.resolverCalls()).toBe(0);
  });
});

describe('CORS and security headers', () => {
  const api = useRunning(() => startApi());

  it('allows an origin on the allow-list', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4200', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('gives no CORS grant to an origin off the allow-list', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers on API routes', async () => {
    const res = await fetch(`${api.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it("sends every header helmet's defaults set, with helmet's values", async () => {
    const helmetServer = createServer((req, res) => helmet()(req, res, () => res.end()));
    await new Promise<void>((resolve) => helmetServer.listen(0, 'localhost', resolve));
    try {
      const expected = await fetch(`http://localhost:${(helmetServer.address() as AddressInfo).port}/`);
      const ours = await fetch(`${api.url}/healthz`);
      const helmetNames = [...expected.headers.keys()].filter((name) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name));
      expect(helmetNames.length).toBeGreaterThanOrEqual(10);
      for (const name of helmetNames) expect([name, ours.headers.get(name)]).toEqual([name, expected.headers.get(name)]);
    } finally {
      await new Promise((resolve) => helmetServer.close(resolve));
    }
  });

  it('leaves the development Sandbox page without a CSP that would block it', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBeNull();
  });
});

describe('production settings', () => {
  const api = useRunning(() => startApi({ production: true }));

  it('hides field suggestions', async () => {
    const res = await post(api, { query: '{ me { firstNam } }' });
    const message = (await errorsOf(res))[0]?.message ?? '';
    expect(message).toMatch(/Cannot query field/);
    expect(message).not.toMatch(/Did you mean|firstName/);
  });

  it('does not reveal the configured limits', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await post(api, { query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.message).not.toMatch(/\d/);
  });

  it('keeps security headers on the GraphQL route', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});

describe('slow bodies', () => {
  const api = useRunning(() => startApi({ requestReadTimeoutMs: 2000 }));

  it('cuts five sockets that send one body byte every 500 ms within the read limit plus the 1 s check, answering 408', async () => {
    const { hostname, port } = new URL(api.url);
    const started = Date.now();
    const closedAfter = await Promise.all(
      Array.from({ length: 5 }, () => new Promise<{ ms: number; answer: string }>((resolve) => {
        const socket = connect(Number(port), hostname);
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
        const drip = setInterval(() => socket.write(' '), 500);
        socket.on('close', () => {
          clearInterval(drip);
          resolve({ ms: Date.now() - started, answer });
        });
        socket.on('error', () => undefined);
      })),
    );
    for (const { ms, answer } of closedAfter) {
      expect(ms).toBeGreaterThanOrEqual(1900);
      expect(ms).toBeLessThan(4500);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    }
  }, 20_000);
});
