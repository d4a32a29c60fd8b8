import { createTenantFetch } from '../src/auth0/tenant-fetch';
import { useRunning } from 'test-support/hooks';
import { startStandIn } from './support/stand-in';

/** A tenant stand-in that answers each request with its path, or holds it when the path starts with /slow. */
const seen: { path: string; method: string }[] = [];

const upstream = useRunning(() =>
  startStandIn((request, response) => {
    seen.push({ path: request.url ?? '', method: request.method ?? '' });
    if (request.url?.startsWith('/slow')) return;
    response.statusCode = request.url?.startsWith('/oauth/token/fail') ? 401 : 200;
    response.end(request.url);
  }),
);

beforeEach(() => (seen.length = 0));

const sdkUrl = (path: string) => `https://${new URL(upstream.url).host}${path}`;

describe('createTenantFetch', () => {
  it('sends the SDK https URL (string, URL or Request) to the configured origin', async () => {
    const tenantFetch = createTenantFetch({ origin: upstream.url, timeoutMs: 5000 });
    expect(await (await tenantFetch(sdkUrl('/api/v2/users/a'))).text()).toBe('/api/v2/users/a');
    expect(await (await tenantFetch(new URL(sdkUrl('/api/v2/users/b')))).text()).toBe('/api/v2/users/b');
    const request = new Request(sdkUrl('/api/v2/users/c'), { method: 'PATCH', body: '{}' });
    expect(await (await tenantFetch(request)).text()).toBe('/api/v2/users/c');
    expect(seen).toEqual([
      { path: '/api/v2/users/a', method: 'GET' },
      { path: '/api/v2/users/b', method: 'GET' },
      { path: '/api/v2/users/c', method: 'PATCH' },
    ]);
  });

  it('leaves a URL of another host alone', async () => {
    const tenantFetch = createTenantFetch({ origin: 'http://tenant.invalid:1', timeoutMs: 5000 });
    expect(await (await tenantFetch(`${upstream.url}/elsewhere`)).text()).toBe('/elsewhere');
  });

  it('aborts an attempt after the configured timeout', async () => {
    const tenantFetch = createTenantFetch({ origin: upstream.url, timeoutMs: 200 });
    const started = Date.now();
    await expect(tenantFetch(sdkUrl('/slow'))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("still honours the caller's own abort signal", async () => {
    const tenantFetch = createTenantFetch({ origin: upstream.url, timeoutMs: 10_000 });
    const controller = new AbortController();
    const answer = tenantFetch(sdkUrl('/slow/caller'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports whether each token request succeeded, and only token requests', async () => {
    const results: boolean[] = [];
    const tenantFetch = createTenantFetch({ origin: upstream.url, timeoutMs: 5000, onTokenResult: (ok) => results.push(ok) });
    await tenantFetch(sdkUrl('/api/v2/users/a'));
    await tenantFetch(sdkUrl('/oauth/token'), { method: 'POST' });
    await tenantFetch(sdkUrl('/oauth/token/fail'), { method: 'POST' });
    expect(results).toEqual([true, false]);
  });

  it('reports a token request that failed without an answer, and passes the error on', async () => {
    const results: boolean[] = [];
    // An origin under /slow: the stand-in holds its token request until the attempt times out.
    const held = createTenantFetch({ origin: `${upstream.url}/slow`, timeoutMs: 200, onTokenResult: (ok) => results.push(ok) });
    await expect(held(`${upstream.url}/slow/oauth/token`)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(results).toEqual([false]);
  });
});
