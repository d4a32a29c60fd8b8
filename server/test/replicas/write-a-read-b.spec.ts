import { gql, ME, UPDATE } from '../support/graphql';
import { useFleet } from './fleet';

// Two replica processes on one Redis, each answering `me` from its client-side cache of Redis
// and its response cache: an update acknowledged by A is what B answers next, every time.
const fleet = useFleet({ replicas: 2, users: 1, env: { UPDATE_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'warn' } });

it('answers on B, 1,000 times in a row, the update A acknowledged just before', async () => {
  const [a, b] = fleet.apis;
  const token = fleet.tokens[0]!;
  const stale: string[] = [];
  for (let i = 0; i < 1_000; i += 1) {
    const saved = await gql(a!.url, UPDATE, { token, variables: { input: { firstName: `Loop ${i}` } } });
    expect(saved.body.errors).toBeUndefined();
    const read = await gql(b!.url, ME, { token });
    const firstName = (read.body.data?.me as { firstName?: string } | undefined)?.firstName;
    if (firstName !== `Loop ${i}`) stale.push(`${i}: ${firstName}`);
  }
  expect(stale).toEqual([]);
}, 120_000);
