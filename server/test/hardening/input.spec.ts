// Hostile input against a real API and tenant: each is answered with a clear error and nothing is
// written upstream (the tenant's PATCH count stays at zero).
import { requestEmailChange } from '../support/email-change';
import { errorCode, gql, ME, UPDATE, type GraphQLResult } from '../support/graphql';
import { ADA } from '../support/stack';
import { storedUser } from 'local-auth0/testing';
import { callsOf, managementCalls } from './harness';
import { useStack } from '../support/use-stack';

jest.setTimeout(30_000);

// Users, counts and faults back to the seed before each test.
const stack = useStack({ signIn: ['ada'] });

const patchCount = () => callsOf(stack.tenant.url, 'PATCH /api/v2/users/:id');

const update = (input: Record<string, unknown>) => gql(stack.api.url, UPDATE, { token: stack.tokens.ada, variables: { input } });
const changeEmail = (email: string) => requestEmailChange(stack.api.url, stack.tokens.ada, email);

async function expectBadInput(res: GraphQLResult, field: string) {
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.body.errors?.[0]?.extensions?.field).toBe(field);
  expect(res.body.data ?? null).toBeNull();
  expect(await patchCount()).toBe(0);
}

async function postRaw(body: string, contentType = 'application/json') {
  const res = await fetch(`${stack.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${stack.tokens.ada}` },
    body,
  });
  return { status: res.status, body: (await res.json()) as GraphQLResult['body'] };
}

describe('field values', () => {
  it('refuses a first name over 150 characters', async () => {
    await expectBadInput(await update({ firstName: 'a'.repeat(151) }), 'firstName');
  });

  it('refuses a 10,000-character last name', async () => {
    await expectBadInput(await update({ lastName: 'b'.repeat(10_000) }), 'lastName');
  });

  it.each([
    ['NUL', 'Ada\u0000'],
    ['escape sequence', '\u001b[31mAda'],
    ['newline', 'Ada\nLovelace'],
    ['DEL', 'Ada\u007f'],
    ['C1 control', 'Ada\u0085Lovelace'],
    ['line separator', 'Ada\u2028Lovelace'],
  ])('refuses a name holding a control character (%s)', async (_label, value) => {
    await expectBadInput(await update({ firstName: value }), 'firstName');
  });

  it.each([
    ['high', 'Ada\uD800'],
    ['low', '\uDC00Ada'],
  ])('refuses a name holding a lone %s surrogate', async (_label, value) => {
    await expectBadInput(await update({ lastName: value }), 'lastName');
  });

  it('refuses an email over 254 characters', async () => {
    await expectBadInput(await changeEmail(`${'a'.repeat(60)}@${'b'.repeat(190)}.example.com`), 'email');
  });

  it('refuses an email whose local part is over 64 characters', async () => {
    await expectBadInput(await changeEmail(`${'a'.repeat(65)}@example.com`), 'email');
  });

  it('refuses an email of the wrong shape', async () => {
    await expectBadInput(await changeEmail('ada@@example'), 'email');
  });

  it.each([
    ['zero-width space', 'A\u200Bda', 'invisibleCharacters'],
    ['byte order mark', '\uFEFFAda', 'invisibleCharacters'],
    ['right-to-left override', 'Ada\u202Eecalevol', 'directionCharacters'],
    ['bidi isolate', 'Ada\u2066x\u2069', 'directionCharacters'],
    ['name made only of zero-width characters', '\u200B\u200C\u200D', 'invisibleCharacters'],
  ])('refuses a name holding a %s, naming the field and the rule', async (_label, value, rule) => {
    const res = await update({ lastName: value });
    await expectBadInput(res, 'lastName');
    expect(res.body.errors?.[0]?.extensions?.rule).toBe(rule);
    expect(res.body.errors?.[0]?.message).toMatch(/^Last name cannot contain|^Last name must contain/);
  });

  it('refuses a lookalike email (Cyrillic а) with a message naming the ASCII rule', async () => {
    const res = await changeEmail('\u0430da@example.com');
    await expectBadInput(res, 'email');
    expect(res.body.errors?.[0]?.extensions?.rule).toBe('emailNotAscii');
    expect(res.body.errors?.[0]?.message).toMatch(/^Email can only use ASCII letters/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('stores %s as a plain name value, nothing more', async (value) => {
    const res = await update({ firstName: value });
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data?.updateProfile as { firstName: string }).firstName).toBe(value);
    const stored = await storedUser(stack.tenant.url, ADA);
    expect(stored.user_metadata).toEqual({ firstName: value, lastName: 'Lovelace' });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('accepts ordinary non-ASCII names (the limits are not ASCII-only)', async () => {
    const res = await update({ firstName: 'Zoë 李 ﬀ 😀' });
    expect(res.body.errors).toBeUndefined();
    expect((await storedUser(stack.tenant.url, ADA)).user_metadata).toEqual({ firstName: 'Zoë 李 ﬀ 😀', lastName: 'Lovelace' });
  });
});

describe('input shapes', () => {
  it('refuses __proto__ as an input key (GraphQL input coercion)', async () => {
    const res = await postRaw(`{"query":${JSON.stringify(UPDATE)},"variables":{"input":{"__proto__":{"firstName":"x"},"lastName":"y"}}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/__proto__/);
    expect(await patchCount()).toBe(0);
  });

  it('refuses constructor as an input key', async () => {
    const res = await update({ constructor: { prototype: { polluted: true } } });
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await patchCount()).toBe(0);
  });

  it('refuses a field outside the shape (app_metadata)', async () => {
    const res = await update({ firstName: 'Ada', app_metadata: { admin: true } });
    expect(res.status).toBe(400);
    expect(await patchCount()).toBe(0);
  });

  it('refuses an input that is not an object', async () => {
    const res = await gql(stack.api.url, UPDATE, { token: stack.tokens.ada, variables: { input: 'firstName=x' } });
    expect(res.status).toBe(400);
    expect(await patchCount()).toBe(0);
  });
});

describe('query shapes', () => {
  it('refuses me under 300 aliases (within the query byte limit) with zero Management API calls', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await gql(stack.api.url, `{ ${aliases} }`, { token: stack.tokens.ada });
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    expect(await managementCalls(stack.tenant.url)).toBe(0);
  });

  it('refuses updateProfile under many aliases with zero writes', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `u${i}: updateProfile(input: { firstName: "N${i}" }) { id }`).join(' ');
    const res = await gql(stack.api.url, `mutation { ${aliases} }`, { token: stack.tokens.ada });
    expect(res.status).toBe(400);
    expect(await managementCalls(stack.tenant.url)).toBe(0);
  });

  it('refuses a deeply nested query', async () => {
    const deep = '{ __type(name: "Profile") { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } }';
    const res = await gql(stack.api.url, deep, { token: stack.tokens.ada });
    expect(res.status).toBe(400);
    expect(await managementCalls(stack.tenant.url)).toBe(0);
  });

  it('refuses a batch of operations', async () => {
    const res = await postRaw(JSON.stringify([{ query: ME }, { query: ME }]));
    expect(res.status).toBe(400);
    expect(await managementCalls(stack.tenant.url)).toBe(0);
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 and a JSON error', async () => {
    const res = await postRaw('{"query": "mutation { updateProfile(input: {firstName: \\"x\\"}) { id } }"');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/not valid JSON/);
    expect(await patchCount()).toBe(0);
  });

  it('answers a wrong content type with 415 and says what to send', async () => {
    const res = await postRaw(JSON.stringify({ query: ME }), 'text/plain');
    expect(res.status).toBe(415);
    expect(res.body.errors?.[0]?.message).toMatch(/application\/json/);
    expect(await managementCalls(stack.tenant.url)).toBe(0);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await update({ firstName: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
    expect(await patchCount()).toBe(0);
  });

  it('answers a body without a query with 400', async () => {
    const res = await postRaw(JSON.stringify({ variables: {} }));
    expect(res.status).toBe(400);
    expect(await managementCalls(stack.tenant.url)).toBe(0);
  });

  it('still serves ordinary requests afterwards', async () => {
    const res = await gql(stack.api.url, ME, { token: stack.tokens.ada });
    expect(res.status).toBe(200);
    expect((res.body.data?.me as { id: string }).id).toBe(ADA);
  });
});
