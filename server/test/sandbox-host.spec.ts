// The development Sandbox page carries a live token for a seeded user: it is served only when the
// request's Host names this machine's loopback (a DNS-rebinding page or a foreign Host gets none).
import { request } from 'node:http';
import { useStack } from './support/use-stack';

const stack = useStack({ env: { NODE_ENV: 'development', LOG_LEVEL: 'silent' }, reset: 'none' });

/** GET /graphql as a browser would ask for the page, with the Host header given verbatim. */
function getPage(host: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(stack.api.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: 'localhost', port, path: '/graphql', headers: { host, accept: 'text/html' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it.each(['localhost', '127.0.0.1', '[::1]'])('serves the Sandbox with its token to Host %s (with the port)', async (name) => {
  const page = await getPage(`${name}:${new URL(stack.api.url).port}`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('embeddable-sandbox');
  expect(page.body).toMatch(/Bearer [\w-]+\.[\w-]+\.[\w-]+/);
});

it.each(['evil.example', 'localhost.evil.example', 'evil.example:4000', '192.168.1.10', 'localhost:4000@evil.example'])(
  'serves no page and no token to Host %s',
  async (host) => {
    const page = await getPage(host);
    expect(page.status).toBe(404);
    expect(page.body).not.toMatch(/Bearer|embeddable-sandbox/);
    expect(JSON.parse(page.body)).toEqual({ errors: [{ message: 'The Sandbox is served on localhost only' }] });
  },
);

it('still answers JSON GraphQL requests whatever the Host', async () => {
  const { port } = new URL(stack.api.url);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      { host: 'localhost', port, path: '/graphql?query=%7B__typename%7D', headers: { host: 'api.example', accept: 'application/json', 'apollo-require-preflight': '1' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
  expect(status).toBe(200);
});
