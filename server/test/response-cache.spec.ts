// The response cache for `me` in one process without Redis: an answer is replayed only while the
// in-process profile cache holds the version it was built from, and only to the user it was for.
import { gql, ME, UPDATE } from './support/graphql';
import { collideWithVictim } from './support/key-collision';
import { ADA, ALAN } from './support/stack';
import { userToken } from 'local-auth0/testing';
import { useStack } from './support/use-stack';

const stack = useStack({ env: { UPDATE_RATE_LIMIT_PER_MINUTE: '1000' } });

const NAMES = 'query Names { me { id firstName } }';

async function meData(query: string, token: string) {
  const result = await gql(stack.api.url, query, { token });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.me as Record<string, unknown>;
}

it('answers an update on the next me, for every document the user had sent before', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  for (let i = 0; i < 2; i += 1) {
    expect(await meData(ME, token)).toMatchObject({ firstName: 'Ada' });
    expect(await meData(NAMES, token)).toEqual({ id: ADA, firstName: 'Ada' });
  }
  const saved = await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Countess' } } });
  expect(saved.body.errors).toBeUndefined();
  expect(await meData(ME, token)).toMatchObject({ firstName: 'Countess' });
  expect(await meData(NAMES, token)).toEqual({ id: ADA, firstName: 'Countess' });
});

it('answers each user their own profile for the same document', async () => {
  const ada = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  const alan = await userToken(stack.tenant.url, { email: 'alan@example.com' });
  for (let i = 0; i < 2; i += 1) {
    expect(await meData(NAMES, ada)).toMatchObject({ id: ADA });
    expect(await meData(NAMES, alan)).toMatchObject({ id: ALAN });
  }
});

it("never answers a user whose id, Accept, operation name and query spell another user's key with newlines that user's profile", async () => {
  const { victimEmail, attack } = await collideWithVictim(stack.tenant.url, stack.api.url, stack.api.url);
  expect(attack.text).not.toContain(victimEmail);
  expect(attack.status).not.toBe(200);
});
