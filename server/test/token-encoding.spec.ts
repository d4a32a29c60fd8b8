// A real token from the local tenant, written another way: the same signature with `==`
// appended, or with other unused bits in its last character. A strict verifier refuses both.
import { userToken } from 'local-auth0/testing';
import { errorCode, gql, ME } from './support/graphql';
import { useStack } from './support/use-stack';

const stack = useStack();

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The signature's last character with its unused low bits set (an RS256 signature is 256 bytes: 4 unused bits). */
function otherPaddingBits(token: string): string {
  const last = token.at(-1)!;
  const swapped = ALPHABET[ALPHABET.indexOf(last) | 0b1111]!;
  return token.slice(0, -1) + swapped;
}

it('accepts the token as issued', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  expect((await gql(stack.api.url, ME, { token })).body.data?.me).toMatchObject({ email: 'ada@example.com' });
});

it.each([
  ['"==" appended to the signature', (token: string) => `${token}==`],
  ['other unused bits in the signature\'s last character', otherPaddingBits],
  ['"=" appended to the payload', (token: string) => token.replace(/^([^.]+\.[^.]+)/, '$1=')],
])('refuses a real token written with %s, with UNAUTHENTICATED', async (_name, rewrite) => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  const variant = rewrite(token);
  expect(variant).not.toBe(token);
  const result = await gql(stack.api.url, ME, { token: variant });
  expect(result.status).toBe(401);
  expect(errorCode(result)).toBe('UNAUTHENTICATED');
});
