import { ADA, ALAN, GRACE, json, managementToken, post, startTenant, userPath, useTenant } from './helpers';

const tenant = useTenant();
let token: string;
beforeAll(async () => {
  token = await managementToken(tenant);
});

const auth = (t = token) => ({ authorization: `Bearer ${t}` });
const patch = (id: string, body: unknown, t = token) =>
  fetch(userPath(tenant, id), { method: 'PATCH', headers: { ...auth(t), 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = async (id: string) => json(await fetch(userPath(tenant, id), { headers: auth() }));
const badRequest = (message: string) => ({ statusCode: 400, error: 'Bad Request', message, errorCode: 'invalid_body' });

describe('PATCH /api/v2/users/{id} metadata semantics', () => {
  it('merges user_metadata at the first level, keeping keys not sent', async () => {
    const res = await patch(ALAN, { user_metadata: { lastName: 'Turing' } });
    expect(res.status).toBe(200);
    expect((await json(res)).user_metadata).toEqual({ firstName: 'Alan', firstNAme: 'Al', lastname: 'Turing', lastName: 'Turing' });
  });

  it('deletes a metadata key sent as null', async () => {
    const body = await json(await patch(ALAN, { user_metadata: { firstNAme: null, lastname: null } }));
    expect(body.user_metadata).toEqual({ firstName: 'Alan' });
  });

  it('wipes all metadata when {} is sent', async () => {
    const body = await json(await patch(ADA, { user_metadata: {} }));
    expect(body.user_metadata).toEqual({});
  });

  it('replaces a nested object whole instead of merging it', async () => {
    await patch(ADA, { app_metadata: { prefs: { theme: 'dark', lang: 'en' } } });
    const body = await json(await patch(ADA, { app_metadata: { prefs: { theme: 'light' } } }));
    expect(body.app_metadata).toEqual({ prefs: { theme: 'light' } });
  });

  it('refuses metadata key names containing "." or "$"', async () => {
    for (const key of ['first.name', '$set']) {
      const res = await patch(ADA, { user_metadata: { [key]: 'x' } });
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ statusCode: 400, error: 'Bad Request', errorCode: 'invalid_body' });
    }
    expect((await get(ADA)).user_metadata).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });
});

describe('PATCH /api/v2/users/{id} field rules', () => {
  it('refuses unknown body properties with Auth0\'s payload validation error', async () => {
    const res = await patch(ADA, { firstName: 'Ada' });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual(badRequest("Payload validation error: 'Additional properties not allowed: firstName'."));
  });

  it('replaces ordinary fields and unsets one sent as null', async () => {
    await patch(ADA, { given_name: 'Augusta', family_name: 'King' });
    const body = await json(await patch(ADA, { family_name: null }));
    expect(body.given_name).toBe('Augusta');
    expect(body).not.toHaveProperty('family_name');
  });

  it('refuses names over 150 characters and an invalid phone number', async () => {
    const long = await patch(ADA, { given_name: 'x'.repeat(151) });
    expect(await json(long)).toEqual(badRequest("Payload validation error: 'String is too long (151 chars), maximum 150' on property given_name."));
    const phone = await patch(ADA, { phone_number: '0123' });
    expect(phone.status).toBe(400);
  });

  it('refuses an email with a local part over 64 characters or a bad shape', async () => {
    expect((await patch(ADA, { email: `${'a'.repeat(65)}@example.com` })).status).toBe(400);
    expect((await patch(ADA, { email: 'not-an-email' })).status).toBe(400);
  });

  it('refuses a profile over 10 KB', async () => {
    const res = await patch(ADA, { user_metadata: { blob: 'x'.repeat(11 * 1024) } });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ errorCode: 'invalid_body' });
  });

  it('keeps every key of concurrent metadata writes (no lost update)', async () => {
    const writes = Array.from({ length: 10 }, (_, i) => patch(ADA, { user_metadata: { [`k${i}`]: i } }));
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(10).fill(200));
    const metadata = (await get(ADA)).user_metadata as Record<string, unknown>;
    expect(Object.keys(metadata)).toHaveLength(12);
  });

  it('moves updated_at on every write', async () => {
    const before = (await get(ADA)).updated_at as string;
    const first = (await json(await patch(ADA, { nickname: 'countess' }))).updated_at as string;
    const second = (await json(await patch(ADA, { nickname: 'countess' }))).updated_at as string;
    expect(new Date(first).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect(new Date(second).getTime()).toBeGreaterThan(new Date(first).getTime());
    expect(second).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe('PATCH /api/v2/users/{id} email rules', () => {
  it('lets a database user change email, which becomes unverified', async () => {
    const body = await json(await patch(ADA, { email: 'ada@lovelace.example' }));
    expect(body).toMatchObject({ email: 'ada@lovelace.example', email_verified: false });
  });

  it('lets verify_email win over email_verified', async () => {
    const body = await json(await patch(ADA, { email: 'ada@lovelace.example', email_verified: true, verify_email: true }));
    expect(body.email_verified).toBe(false);
  });

  it('refuses an email change for a social user with Auth0\'s error', async () => {
    const res = await patch(GRACE, { email: 'grace@navy.example' });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Cannot update email for this user', errorCode: 'operation_not_supported' });
    expect((await get(GRACE)).email).toBe('grace@example.com');
  });

  it('refuses email and password in one request', async () => {
    const res = await patch(ADA, { email: 'ada@lovelace.example', password: 'New-Password-1' });
    expect(await json(res)).toEqual(badRequest('Cannot update password and email simultaneously'));
  });

  it('refuses an email another user already has with 409 user_exists', async () => {
    const res = await patch(ADA, { email: 'ALAN@example.com' });
    expect(res.status).toBe(409);
    expect(await json(res)).toEqual({ statusCode: 409, error: 'Conflict', message: 'The specified new email already exists', errorCode: 'user_exists' });
  });
});

describe('GET /api/v2/users-by-email', () => {
  const byEmail = (email: string, query = '', t = token) => fetch(`${tenant.url}/api/v2/users-by-email?email=${encodeURIComponent(email)}${query}`, { headers: auth(t) });

  it('finds the user with that address, whatever its case, and nobody for an unused one', async () => {
    expect(await json(await byEmail('ALAN@example.com', '&fields=user_id&include_fields=true'))).toEqual([{ user_id: ALAN }]);
    expect(await json(await byEmail('nobody@example.com'))).toEqual([]);
  });

  it('refuses a request without an address, and a token without read:users', async () => {
    expect((await fetch(`${tenant.url}/api/v2/users-by-email`, { headers: auth() })).status).toBe(400);
    expect((await byEmail('ada@example.com', '', await managementToken(tenant, 'update:users'))).status).toBe(403);
  });
});

describe('PATCH /api/v2/users/{id} app_metadata and proven addresses', () => {
  it('merges app_metadata at the first level and switches email as verified when email_verified is sent with it', async () => {
    await patch(ADA, { app_metadata: { pendingEmailChange: { email: 'x@example.com' }, other: 1 } });
    const body = await json(await patch(ADA, { email: 'ada@lovelace.example', email_verified: true, app_metadata: { pendingEmailChange: null } }));
    expect(body).toMatchObject({ email: 'ada@lovelace.example', email_verified: true, app_metadata: { other: 1 } });
  });
});

describe('Management API authorization', () => {
  it('answers a missing token with 401', async () => {
    const res = await fetch(userPath(tenant, ADA));
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
  });

  it('answers a token for another audience with 401 Bad audience', async () => {
    const res = await post(`${tenant.url}/__local/tokens`, { email: 'ada@example.com' });
    const userToken = (await json<{ access_token: string }>(res)).access_token;
    const answer = await fetch(userPath(tenant, ADA), { headers: auth(userToken) });
    expect(answer.status).toBe(401);
    expect((await json(answer)).message).toMatch(/^Bad audience: https:\/\/profile-api\.local/);
  });

  it('answers an expired token with Auth0\'s expired-token message', async () => {
    const res = await post(`${tenant.url}/__local/tokens`, { email: 'ada@example.com', audience: `${tenant.url}/api/v2/`, scope: 'read:users', expiresIn: -120 });
    const expired = (await json<{ access_token: string }>(res)).access_token;
    const answer = await fetch(userPath(tenant, ADA), { headers: auth(expired) });
    expect(answer.status).toBe(401);
    expect(await json(answer)).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: 'Expired token received for JSON Web Token validation' });
  });

  it('refuses a PATCH without an update scope with 403 insufficient_scope', async () => {
    const readOnly = await managementToken(tenant, 'read:users');
    const res = await patch(ADA, { nickname: 'x' }, readOnly);
    expect(res.status).toBe(403);
    expect(await json(res)).toEqual({
      statusCode: 403, error: 'Forbidden', errorCode: 'insufficient_scope',
      message: 'Insufficient scope, expected any of: update:users,update:users_app_metadata,update:current_user_metadata',
    });
  });

  it('refuses a GET without read:users', async () => {
    const writeOnly = await managementToken(tenant, 'update:users');
    const res = await fetch(userPath(tenant, ADA), { headers: auth(writeOnly) });
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ message: 'Insufficient scope, expected any of: read:users,read:current_user' });
  });

  it('lets a user-context token with read:current_user read only its own user', async () => {
    const res = await post(`${tenant.url}/__local/tokens`, { email: 'ada@example.com', audience: `${tenant.url}/api/v2/`, scope: 'read:current_user update:current_user_metadata' });
    const own = (await json<{ access_token: string }>(res)).access_token;
    expect((await fetch(userPath(tenant, ADA), { headers: auth(own) })).status).toBe(200);
    expect((await fetch(userPath(tenant, ALAN), { headers: auth(own) })).status).toBe(403);
    expect((await patch(ADA, { user_metadata: { lastName: 'King' } }, own)).status).toBe(200);
    expect((await patch(ADA, { nickname: 'countess' }, own)).status).toBe(403);
  });

  it('answers an unknown user with 404 inexistent_user', async () => {
    const res = await fetch(userPath(tenant, 'auth0|000000000000000000000000'), { headers: auth() });
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
  });
});

describe('GET /api/v2/users and fields', () => {
  it('selects fields with include_fields=true and excludes them with false', async () => {
    const only = await json(await fetch(`${userPath(tenant, ADA)}?fields=email,user_metadata&include_fields=true`, { headers: auth() }));
    expect(Object.keys(only).sort()).toEqual(['email', 'user_metadata']);
    const without = await json(await fetch(`${userPath(tenant, ADA)}?fields=identities,user_metadata&include_fields=false`, { headers: auth() }));
    expect(without).not.toHaveProperty('identities');
    expect(without).toHaveProperty('email');
  });

  it('never shows a password hash', async () => {
    expect(JSON.stringify(await get(ADA))).not.toMatch(/password|scrypt/);
  });

  it('returns a plain array without include_totals and pages with page/per_page', async () => {
    const page1 = await json<{ user_id: string }[]>(await fetch(`${tenant.url}/api/v2/users?per_page=2&page=1`, { headers: auth() }));
    expect(page1.map((u) => u.user_id)).toEqual([ALAN]);
  });

  it('refuses per_page over 100', async () => {
    const res = await fetch(`${tenant.url}/api/v2/users?per_page=101`, { headers: auth() });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ statusCode: 400, errorCode: 'invalid_query_string' });
  });
});

describe('rate limits', () => {
  it('sends x-ratelimit headers on every Management API response, errors included', async () => {
    for (const res of [await fetch(userPath(tenant, ADA), { headers: auth() }), await fetch(userPath(tenant, ADA)), await patch(ADA, { nope: 1 })]) {
      expect(res.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
      expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(res.headers.get('x-ratelimit-reset')).toMatch(/^\d{10}$/);
    }
  });

  it('answers 429 with Auth0\'s body and retry headers once a configured limit is spent', async () => {
    // Per minute, so that no token comes back between the three calls however slow the machine is.
    const limited = await startTenant({ rateLimit: '2/m' });
    try {
      const t = await managementToken(limited);
      const call = () => fetch(userPath(limited, ADA), { headers: auth(t) });
      const [a, b, c] = [await call(), await call(), await call()];
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(b.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(c.status).toBe(429);
      expect(await json(c)).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' });
      expect(Number(c.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(c.headers.get('x-ratelimit-limit')).toBe('2');
    } finally {
      await limited.close();
    }
  });
});
