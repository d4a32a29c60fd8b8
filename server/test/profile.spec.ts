import { PENDING_EMAIL_CHANGE, requestEmailChange } from './support/email-change';
import { errorCode, gql, ME, UPDATE } from './support/graphql';
import { ADA, ALAN, GRACE } from './support/stack';
import { useStack } from './support/use-stack';
import { resetTenant, storedUser, userToken } from 'local-auth0/testing';

// Each describe block puts the tenant back to the seed once: its tests build on each other.
const stack = useStack({ reset: 'none' });

const tokenFor = (email: string) => userToken(stack.tenant.url, { email });
const update = async (email: string, input: object) => gql(stack.api.url, UPDATE, { token: await tokenFor(email), variables: { input } });
const metadataOf = async (userId: string) => (await storedUser(stack.tenant.url, userId)).user_metadata;

describe('ada, a database user', () => {
  beforeAll(() => resetTenant(stack.tenant.url));

  it('reads her profile with me', async () => {
    const result = await gql(stack.api.url, ME, { token: await tokenFor('ada@example.com') });
    expect(result.status).toBe(200);
    expect(result.body.data?.me).toEqual({
      id: ADA,
      email: 'ada@example.com',
      emailVerified: true,
      firstName: 'Ada',
      lastName: 'Lovelace',
      picture: 'https://s.gravatar.com/avatar/ada?s=480&d=identicon',
      connection: 'Username-Password-Authentication',
      canChangeEmail: true,
      // This stack has no SMTP_URL: Auth0's immediate switch, and so never a pending change.
      emailChangeMode: 'IMMEDIATE',
      pendingEmailChange: null,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastKnown: null,
    });
  });

  it('renames herself, trimmed, and only user_metadata.firstName changes', async () => {
    const result = await update('ada@example.com', { firstName: '  Augusta Ada ' });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.updateProfile).toMatchObject({ firstName: 'Augusta Ada', lastName: 'Lovelace' });
    expect(await metadataOf(ADA)).toEqual({ firstName: 'Augusta Ada', lastName: 'Lovelace' });
  });

  it('clears lastName with an empty string, which deletes the key', async () => {
    const result = await update('ada@example.com', { lastName: '' });
    expect(result.body.data?.updateProfile).toMatchObject({ firstName: 'Augusta Ada', lastName: null });
    expect(await metadataOf(ADA)).toEqual({ firstName: 'Augusta Ada' });
  });

  it('clears a name with null too', async () => {
    await update('ada@example.com', { lastName: 'King' });
    expect(await metadataOf(ADA)).toEqual({ firstName: 'Augusta Ada', lastName: 'King' });
    const result = await update('ada@example.com', { lastName: null });
    expect(result.body.data?.updateProfile).toMatchObject({ lastName: null });
    expect(await metadataOf(ADA)).toEqual({ firstName: 'Augusta Ada' });
  });

  it('changes her email at once without a mail path (EMAIL_CHANGE_MODE immediate), which then shows as unverified', async () => {
    const result = await requestEmailChange(stack.api.url, await tokenFor('ada@example.com'), 'Countess@Example.com');
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.requestEmailChange).toMatchObject({ email: 'countess@example.com' });
    const me = await gql(stack.api.url, PENDING_EMAIL_CHANGE, { token: await tokenFor('countess@example.com') });
    expect(me.body.data?.me).toEqual({ email: 'countess@example.com', emailVerified: false, emailChangeMode: 'IMMEDIATE', pendingEmailChange: null });
    const stored = await storedUser(stack.tenant.url, ADA);
    expect(stored).toMatchObject({ email: 'countess@example.com', email_verified: false });
    expect(stored.user_metadata).toEqual({ firstName: 'Augusta Ada' });
  });
});

// More on legacy keys in legacy-aliases.spec.ts.
describe('alan, whose stored metadata has legacy keys (declared aliases)', () => {
  beforeAll(() => resetTenant(stack.tenant.url));

  it('reads firstName Alan (canonical wins over firstNAme) and lastName from the alias lastname', async () => {
    const result = await gql(stack.api.url, ME, { token: await tokenFor('alan@example.com') });
    expect(result.body.data?.me).toMatchObject({ id: ALAN, firstName: 'Alan', lastName: 'Turing' });
  });

  it("writes lastName and deletes lastName's aliases in the same save, leaving firstName's alone", async () => {
    const result = await update('alan@example.com', { lastName: 'Turing' });
    expect(result.body.data?.updateProfile).toMatchObject({ firstName: 'Alan', lastName: 'Turing' });
    // A PATCH touches only the fields asked for and their aliases (firstNAme goes with a firstName save).
    expect(await metadataOf(ALAN)).toEqual({ firstName: 'Alan', firstNAme: 'Al', lastName: 'Turing' });
  });
});

describe('grace, a social (google-oauth2) user', () => {
  beforeAll(() => resetTenant(stack.tenant.url));

  it('sees that she cannot change her email', async () => {
    const result = await gql(stack.api.url, ME, { token: await tokenFor('grace@example.com') });
    expect(result.body.data?.me).toMatchObject({ id: GRACE, connection: 'google-oauth2', canChangeEmail: false });
  });

  it('gets FORBIDDEN for an email change and nothing is written', async () => {
    const before = await storedUser(stack.tenant.url, GRACE);
    const result = await requestEmailChange(stack.api.url, await tokenFor('grace@example.com'), 'grace@navy.mil');
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.body.data).toBeNull();
    expect(await storedUser(stack.tenant.url, GRACE)).toEqual(before);
  });

  it('changes her names', async () => {
    const result = await update('grace@example.com', { firstName: 'Amazing Grace' });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.updateProfile).toMatchObject({ email: 'grace@example.com', firstName: 'Amazing Grace' });
    expect(await metadataOf(GRACE)).toEqual({ firstName: 'Amazing Grace', lastName: 'Hopper' });
  });
});

describe('input validation', () => {
  beforeAll(() => resetTenant(stack.tenant.url));

  it.each([
    ['a name over 150 characters', { firstName: 'x'.repeat(151) }, 'firstName'],
    ['a control character in a name', { lastName: 'Love\u0007lace' }, 'lastName'],
    ['a newline in a name', { firstName: 'Ada\nLovelace' }, 'firstName'],
  ])('rejects %s with BAD_USER_INPUT naming the field, writing nothing', async (_name, input, field) => {
    const before = await storedUser(stack.tenant.url, ADA);
    const result = await update('ada@example.com', input);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await storedUser(stack.tenant.url, ADA)).toEqual(before);
  });

  it('rejects an email another user already has with BAD_USER_INPUT on email', async () => {
    const result = await requestEmailChange(stack.api.url, await tokenFor('ada@example.com'), 'alan@example.com');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await storedUser(stack.tenant.url, ADA)).toMatchObject({ email: 'ada@example.com', email_verified: true });
  });

  it('accepts a name of exactly 150 characters (counted as characters, not UTF-16 units)', async () => {
    const name = '𝔄'.repeat(150);
    const result = await update('ada@example.com', { firstName: name });
    expect(result.body.data?.updateProfile).toMatchObject({ firstName: name });
  });

  it('rejects an input field outside the shape through GraphQL validation', async () => {
    const result = await update('ada@example.com', { nickname: 'countess' });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const inline = await gql(stack.api.url, 'mutation { updateProfile(input: { app_metadata: "x" }) { id } }', { token: await tokenFor('ada@example.com') });
    expect(inline.status).toBe(400);
    expect(errorCode(inline)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('has no argument that takes a user id', async () => {
    const result = await gql(stack.api.url, `query { me(id: "${GRACE}") { id } }`, { token: await tokenFor('ada@example.com') });
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
