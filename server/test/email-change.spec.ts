// Email changes through the API: the address must be one address (anchored pattern, dotted domain
// of any depth), and only Auth0's "already exists" answer means "already in use" — a 5xx or a
// timeout on the PATCH is an upstream failure, never a taken address.
import { errorCode, gql, UPDATE, type GraphQLResult } from './support/graphql';
import { ADA, startStack, type Stack } from './support/stack';
import { injectFault, readCounts, resetTenant, storedUser, userToken } from 'local-auth0/testing';

jest.setTimeout(20_000);

const WRITE = 'PATCH /api/v2/users/:id';

let stack: Stack;
let token: string;

beforeAll(async () => {
  stack = await startStack({ UPDATE_RATE_LIMIT_PER_MINUTE: '1000' });
  token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
});
afterAll(() => stack.close());
beforeEach(() => resetTenant(stack.tenant.url));

const changeEmail = (email: string, extra: Record<string, unknown> = {}) =>
  gql(stack.api.url, UPDATE, { token, variables: { input: { email, ...extra } } });

const writes = async () => (await readCounts(stack.tenant.url))[WRITE] ?? 0;

async function expectInvalidEmail(res: GraphQLResult) {
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.body.errors?.[0]?.extensions?.field).toBe('email');
  expect(res.body.errors?.[0]?.message).toBe('Email must be an address like name@example.com.');
  expect(await writes()).toBe(0);
}

describe('the shape of an address', () => {
  it.each(['a b@example.com', 'x@y@example.com', 'ada@example', 'ada@-example.com', 'ada@example.com.', 'ada@exa_mple.com', '@example.com', 'ada@'])(
    'refuses %j',
    async (email) => {
      await expectInvalidEmail(await changeEmail(email));
    },
  );

  it.each(['ada@mail.example.co.uk', 'ada.lovelace+profile@a-b.example.org', 'a@b.co'])('accepts %j', async (email) => {
    const res = await changeEmail(email);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.updateProfile).toMatchObject({ email, emailVerified: false });
    expect((await storedUser(stack.tenant.url, ADA)).email).toBe(email);
  });

  it('trims and lower-cases the address', async () => {
    const res = await changeEmail('  Ada.Byron@Example.COM ');
    expect(res.body.data?.updateProfile).toMatchObject({ email: 'ada.byron@example.com' });
  });

  it('refuses to remove the email, saying so', async () => {
    const res = await gql(stack.api.url, UPDATE, { token, variables: { input: { email: null } } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toBe('Email cannot be empty.');
  });
});

describe('"already in use" only when Auth0 says the address exists', () => {
  it('answers BAD_USER_INPUT on email for an address another user has', async () => {
    const res = await changeEmail('alan@example.com');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.field).toBe('email');
    expect(res.body.errors?.[0]?.message).toBe('This email address is already in use');
  });

  it.each([500, 503])('answers UPSTREAM_UNAVAILABLE, not "already in use", when the email PATCH answers %i', async (status) => {
    await injectFault(stack.tenant.url, { route: WRITE, status });
    const res = await changeEmail('ada.new@example.com');
    expect(errorCode(res)).toBe('UPSTREAM_UNAVAILABLE');
    expect(res.body.errors?.[0]?.message).not.toMatch(/in use/);
  });

  it('answers UPSTREAM_UNAVAILABLE, not "already in use", when the email PATCH times out', async () => {
    // The API gives up after AUTH0_TIMEOUT_MS (1 s); the delayed PATCH lands later and is let settle.
    await injectFault(stack.tenant.url, { route: WRITE, delayMs: 2_500 });
    const res = await changeEmail('ada.slow@example.com');
    expect(errorCode(res)).toBe('UPSTREAM_UNAVAILABLE');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  });

  it('answers an internal error, not "already in use", when Auth0 refuses the email PATCH for another reason', async () => {
    await injectFault(stack.tenant.url, { route: WRITE, status: 400 });
    const res = await changeEmail('ada.refused@example.com');
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
    expect(res.body.errors?.[0]?.message).toBe('Internal server error');
  });

  it('does not call a conflict on a name-only change "already in use"', async () => {
    await injectFault(stack.tenant.url, { route: WRITE, status: 409 });
    const res = await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Augusta' } } });
    expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
  });
});
