import { errorCode, gql, ME, UPDATE } from '../support/graphql';
import { useFleet } from './fleet';

// Three replicas sharing one Redis: what one acknowledges, every other answers at once.
const fleet = useFleet({ replicas: 3, users: 15 });

type Profile = { firstName: string | null; lastName: string | null; updatedAt: string };

async function me(apiUrl: string, token: string): Promise<Profile> {
  const result = await gql(apiUrl, ME, { token });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.me as Profile;
}

async function update(apiUrl: string, token: string, input: Record<string, string>) {
  return gql(apiUrl, UPDATE, { token, variables: { input } });
}

it('answers an update made through replica A on replicas B and C at once, though both had the old profile cached', async () => {
  const [a, b, c] = fleet.apis;
  const token = fleet.tokens[3]!;
  await me(b!.url, token);
  await me(c!.url, token);
  const saved = await update(a!.url, token, { firstName: 'Coherent' });
  expect(saved.body.errors).toBeUndefined();
  expect(await me(b!.url, token)).toMatchObject({ firstName: 'Coherent' });
  expect(await me(c!.url, token)).toMatchObject({ firstName: 'Coherent' });
});

it('never answers an older profile than the last acknowledged update: 100 updates interleaved with reads on every replica', async () => {
  // Ten users at once, ten rounds each: update through one replica, then read on the two others.
  const users = fleet.tokens.slice(4, 14);
  const stale: string[] = [];
  await Promise.all(
    users.map(async (token, u) => {
      for (let round = 0; round < 10; round += 1) {
        const writer = (u + round) % 3;
        const value = `v${round}`;
        const saved = await update(fleet.apis[writer]!.url, token, { lastName: value });
        expect(saved.body.errors).toBeUndefined();
        const readers = fleet.apis.filter((_, index) => index !== writer);
        const reads = await Promise.all(readers.map((api) => me(api.url, token)));
        for (const read of reads) if (read.lastName !== value) stale.push(`user ${u} round ${round}: ${read.lastName}`);
      }
    }),
  );
  expect(stale).toEqual([]);
}, 60_000);

it('refuses the 11th update in a minute whichever replica it reaches', async () => {
  const token = fleet.tokens[14]!;
  for (let i = 0; i < 10; i += 1) {
    const saved = await update(fleet.apis[i % 3]!.url, token, { firstName: `n${i}` });
    expect(saved.body.errors).toBeUndefined();
  }
  for (const api of fleet.apis) {
    const refused = await update(api.url, token, { firstName: 'eleventh' });
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  }
}, 30_000);
