import { createLocalTokenSource } from '../src/auth0/local-tokens';
import { useRunning } from 'test-support/hooks';
import { startStandIn } from './support/stand-in';

/** A stand-in for the local tenant's POST /__local/tokens: numbered tokens, a set lifetime and status. */
let issued = 0;
let expiresIn = 3600;
let status = 200;
const bodies: unknown[] = [];

const upstream = useRunning(() =>
  startStandIn((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      bodies.push({ method: request.method, path: request.url, type: request.headers['content-type'], body: JSON.parse(raw) as unknown });
      issued += 1;
      response.statusCode = status;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ access_token: `token-${issued}`, expires_in: expiresIn }));
    });
  }),
);

beforeEach(() => {
  issued = 0;
  expiresIn = 3600;
  status = 200;
  bodies.length = 0;
});

const source = () => createLocalTokenSource({ origin: upstream.url, userId: 'auth0|ada', audience: 'https://api', lifetimeSeconds: 900, timeoutMs: 5000 });

describe('createLocalTokenSource', () => {
  it("asks the tenant's test control for a token of the configured user, audience and lifetime", async () => {
    await expect(source()()).resolves.toBe('token-1');
    expect(bodies).toEqual([
      { method: 'POST', path: '/__local/tokens', type: 'application/json', body: { userId: 'auth0|ada', audience: 'https://api', expiresIn: 900 } },
    ]);
  });

  it('answers the cached token until a minute before it expires, and one request for concurrent callers', async () => {
    const token = source();
    expect(await Promise.all([token(), token(), token()])).toEqual(['token-1', 'token-1', 'token-1']);
    await expect(token()).resolves.toBe('token-1');
    expect(issued).toBe(1);
  });

  it('fetches a new token when the cached one expires within a minute', async () => {
    expiresIn = 60;
    const token = source();
    await expect(token()).resolves.toBe('token-1');
    await expect(token()).resolves.toBe('token-2');
  });

  it('fails with the status when the tenant refuses, and asks again next time', async () => {
    status = 403;
    const token = source();
    await expect(token()).rejects.toThrow('POST /__local/tokens answered 403');
    status = 200;
    await expect(token()).resolves.toBe('token-2');
  });
});
