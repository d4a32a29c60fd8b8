import { counts, json, post, useTenant } from './helpers';

const tenant = useTenant();

const SENT = "We've just sent you an email to reset your password.";
const DATABASE = 'Username-Password-Authentication';
const changePassword = (body: Record<string, unknown>) => post(`${tenant.url}/dbconnections/change_password`, { client_id: 'local-spa', connection: DATABASE, ...body });

describe('POST /dbconnections/change_password', () => {
  it("answers 200 with Auth0's plain-text sentence", async () => {
    const res = await changePassword({ email: 'ada@example.com' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(SENT);
    expect((await counts(tenant))['POST /dbconnections/change_password']).toBe(1);
  });

  it('answers the same for an address with no account (no enumeration)', async () => {
    const res = await changePassword({ email: 'nobody@example.com' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(SENT);
  });

  it('answers 400 for a connection that is not a database connection', async () => {
    const res = await changePassword({ email: 'grace@example.com', connection: 'google-oauth2' });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ error: 'invalid_request', error_description: 'connection not found' });
  });

  it('answers 400 naming a missing parameter, and 401 for an unknown client', async () => {
    const missing = await post(`${tenant.url}/dbconnections/change_password`, { client_id: 'local-spa', connection: DATABASE });
    expect(missing.status).toBe(400);
    expect(await json(missing)).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: email' });
    const unknown = await changePassword({ email: 'ada@example.com', client_id: 'nope' });
    expect(unknown.status).toBe(401);
    expect(await json(unknown)).toEqual({ error: 'invalid_client', error_description: 'Unknown client.' });
  });

  it('allows a burst of 10 per IP and address, then answers 429 with the rate-limit headers', async () => {
    for (let i = 0; i < 10; i += 1) expect((await changePassword({ email: 'ada@example.com' })).status).toBe(200);
    const limited = await changePassword({ email: 'ADA@example.com' });
    expect(limited.status).toBe(429);
    expect(await json(limited)).toEqual({ error: 'too_many_requests', error_description: 'Too many requests. Try again later.' });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Another address from the same IP has its own bucket.
    expect((await changePassword({ email: 'alan@example.com' })).status).toBe(200);
  });
});

describe('the reset page', () => {
  it('refuses an unknown ticket without showing a form', async () => {
    const res = await fetch(`${tenant.url}/u/reset-password?ticket=forged`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('This link has expired or was already used.');
    expect(html).not.toContain('<form');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });
});
