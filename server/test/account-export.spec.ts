import { injectFault, resetCounts, readCounts, ROUTES, userToken } from 'local-auth0/testing';
import { errorCode, gql } from './support/graphql';
import { appOperation } from 'test-support';
import { ADA, GRACE } from './support/stack';
import { useStack } from './support/use-stack';

const MY_DATA = appOperation('MyData');

const stack = useStack();

const myData = async (email: string, scope?: string) =>
  gql(stack.api.url, MY_DATA, { token: await userToken(stack.tenant.url, { email, ...(scope ? { scope } : {}) }) });

describe('myData (download my data)', () => {
  it("answers ada's record: profile, all of user_metadata, identities, activity and what is left out", async () => {
    const result = await myData('ada@example.com');
    expect(result.body.errors).toBeUndefined();
    const data = result.body.data?.myData as Record<string, unknown>;
    expect(data).toMatchObject({
      formatVersion: 1,
      userId: ADA,
      profile: { email: 'ada@example.com', emailVerified: true, name: 'Ada Lovelace', nickname: 'ada', username: null, phoneNumber: null },
      userMetadata: { firstName: 'Ada', lastName: 'Lovelace' },
      identities: [{ provider: 'auth0', connection: 'Username-Password-Authentication', userId: '64f1a2b3c4d5e6f708192a3b', isSocial: false }],
      activity: { loginsCount: 0, lastLogin: null, createdAt: expect.stringMatching(/^\d{4}-/), updatedAt: expect.stringMatching(/^\d{4}-/) },
    });
    expect((data.leftOut as { field: string }[]).map((entry) => entry.field)).toEqual([
      'app_metadata',
      'identities[].access_token, identities[].refresh_token, identities[].access_token_secret',
      'password',
    ]);
    expect(Date.parse(String(data.exportedAt))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps user_metadata keys the app does not show (it is all the user stored)', async () => {
    const result = await myData('alan@example.com');
    expect((result.body.data?.myData as { userMetadata: unknown }).userMetadata).toEqual({ firstName: 'Alan', firstNAme: 'Al', lastname: 'Turing' });
  });

  it("answers grace's Google identity as social", async () => {
    const result = await myData('grace@example.com');
    expect((result.body.data?.myData as { userId: string; identities: unknown }).identities).toEqual([
      { provider: 'google-oauth2', connection: 'google-oauth2', userId: GRACE.split('|')[1], isSocial: true },
    ]);
  });

  it('leaves out app_metadata and provider tokens even when Auth0 sends them', async () => {
    // What Auth0 answers a client holding read:user_idp_tokens, when the fields filter is ignored.
    const answer = {
      user_id: GRACE, email: 'grace@example.com', email_verified: true, updated_at: '2026-12-01T10:00:00.000Z', logins_count: 7,
      identities: [{ provider: 'google-oauth2', connection: 'google-oauth2', user_id: '103547991597142817347', isSocial: true, access_token: 'ya29.secret', refresh_token: '1//secret', expires_in: 3599 }],
      app_metadata: { billing: { apiKey: 'sk_live_secret' }, pendingEmailChange: { tokenHash: 'hash-abc-123' } },
      user_metadata: { firstName: 'Grace' },
    };
    await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 200, body: answer });
    const result = await myData('grace@example.com');
    const text = JSON.stringify(result.body);
    expect(result.body.data?.myData).toMatchObject({ userId: GRACE, activity: { loginsCount: 7 } });
    for (const secret of ['ya29.secret', '1//secret', 'sk_live_secret', 'hash-abc-123', 'expires_in', 'billing']) expect(text).not.toContain(secret);
  });

  it('reads Auth0 afresh each time (no cached copy) with one GET', async () => {
    await myData('ada@example.com');
    await resetCounts(stack.tenant.url);
    await myData('ada@example.com');
    expect((await readCounts(stack.tenant.url))[ROUTES.getUser]).toBe(1);
  });

  it('needs read:profile', async () => {
    const result = await myData('ada@example.com', 'openid update:profile');
    expect(result.status).toBe(403);
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('answers UPSTREAM_UNAVAILABLE, not a last-known copy, while Auth0 fails', async () => {
    await myData('ada@example.com');
    await injectFault(stack.tenant.url, { route: ROUTES.getUser, status: 503, times: 2 });
    const result = await myData('ada@example.com');
    expect(errorCode(result)).toBe('UPSTREAM_UNAVAILABLE');
    expect(result.body.data).toBeNull();
  });
});
