// The second outside probe's memory finding, the response cache's part: distinct authenticated `me`
// requests must not grow the API without bound. Each request here is the same document with a
// different 24 kB variable, so only the response cache could keep them (Apollo's document store
// holds the one document). Before the cache was bounded in bytes, 6,000 such requests grew the API
// by ~260 MB (8,000: 350 MB); bounded, the growth is the heap's own high-water mark (5-95 MB here).
import { userToken } from 'local-auth0/testing';
import { rssMiB, useApiProcess } from './replicas/api-process';

jest.setTimeout(120_000);

const REQUESTS = 6_000;
const PAD_BYTES = 24 * 1024;
const PARALLEL = 8;

const started = useApiProcess({ LOG_LEVEL: 'warn' });


async function sendDistinct(token: string, from: number, count: number): Promise<void> {
  const send = async (n: number) => {
    const pad = `${n}:`.padEnd(PAD_BYTES, 'x');
    const response = await fetch(`${started.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad } }),
    });
    if (response.status !== 200) throw new Error(`request ${n} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  for (let next = from; next < from + count; next += PARALLEL) {
    await Promise.all(Array.from({ length: Math.min(PARALLEL, from + count - next) }, (_, i) => send(next + i)));
  }
}

it(`stays within 150 MB of RSS growth over ${REQUESTS} distinct authenticated me requests of 24 kB each`, async () => {
  const token = await userToken(started.tenant.url, { email: 'ada@example.com' });
  const pid = started.api.child.pid!;
  await sendDistinct(token, 0, 1_000);
  const before = rssMiB(pid);
  await sendDistinct(token, 1_000, REQUESTS);
  const growth = rssMiB(pid) - before;
  expect(growth).toBeLessThan(150);
});
