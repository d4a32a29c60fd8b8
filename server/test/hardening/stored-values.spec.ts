// The read path never hands the app what the write path would refuse: user_metadata written
// outside the API (another tool, a hand edit in the dashboard) is dropped from `me` and logged
// without the value.
import { patchStoredUser } from 'local-auth0/testing';
import { gql, ME } from '../support/graphql';
import { ADA } from '../support/stack';
import { useStack } from '../support/use-stack';

jest.setTimeout(30_000);

const stack = useStack({ env: { LOG_LEVEL: 'info', PROFILE_CACHE_TTL_SECONDS: '0' }, logs: 'test', signIn: ['ada'] });

/** Writes user_metadata straight through the Management API, as a tool outside the API would. */
async function writeOutsideTheApi(userMetadata: Record<string, unknown>): Promise<void> {
  await patchStoredUser(stack.tenant.url, ADA, { user_metadata: userMetadata });
}

async function me() {
  const res = await gql(stack.api.url, ME, { token: stack.tokens.ada });
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.me as { firstName: string | null; lastName: string | null };
}

it('drops a stored 5,010-character value holding CR, LF and ESC, and logs the field and rule without the value', async () => {
  const hostile = `${'x'.repeat(2_500)}\r\n\u001b[2J${'y'.repeat(2_504)}`;
  expect(hostile).toHaveLength(5_010);
  await writeOutsideTheApi({ lastName: hostile });
  expect(await me()).toMatchObject({ firstName: 'Ada', lastName: null });
  const entry = stack.logs.split('\n').find((line) => line.includes('breaks the rules'));
  expect(JSON.parse(entry ?? '{}')).toMatchObject({ level: 40, userId: ADA, field: 'lastName', key: 'lastName', rule: 'tooLong', length: 5_010 });
  expect(stack.logs).not.toContain('xxxx');
  expect(stack.logs).not.toContain('\\u001b');
});

it('drops a stored short value holding a line break, an override or only zero-width characters', async () => {
  await writeOutsideTheApi({ firstName: 'Ada\nLovelace', lastName: 'Love\u202Elace' });
  expect(await me()).toMatchObject({ firstName: null, lastName: null });
  await writeOutsideTheApi({ firstName: '\u200B\u200B', lastName: 'Lovelace' });
  expect(await me()).toMatchObject({ firstName: null, lastName: 'Lovelace' });
});

it('never serves back stored TAG characters (hidden text) or a noncharacter: the values are dropped', async () => {
  await writeOutsideTheApi({ firstName: 'Ada\u{E0069}\u{E0067}\u{E006E}\u{E006F}\u{E0072}\u{E0065}', lastName: 'Lovelace\uFFFF' });
  expect(await me()).toMatchObject({ firstName: null, lastName: null });
  expect(stack.logs).toContain('"rule":"invisibleCharacters"');
  expect(stack.logs).toContain('"rule":"invalidUnicode"');
});
