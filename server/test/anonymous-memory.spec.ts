// Anonymous requests cannot grow the API's memory: `{ __typename }` with a long comment (which
// the parser's token limit does not count) is refused by size before parsing, and the parsed
// documents Apollo keeps are bounded by what they really hold. Measured as the RSS of a real API
// process (`/proc/<pid>/status`).
import { rssMiB, useApiProcess } from './replicas/api-process';

jest.setTimeout(120_000);

// A small young generation keeps RSS close to what is really held, across Node versions; an
// old space of 160 MiB makes an unbounded document store (~190 MiB for these rounds) fatal.
const started = useApiProcess({ LOG_LEVEL: 'warn', NODE_OPTIONS: '--max-semi-space-size=2 --max-old-space-size=160' });


/** `count` distinct `{ __typename } # <commentBytes of comment>` documents (numbered from `first`), `concurrency` at a time. */
async function anonymousRequests(count: number, commentBytes: number, first = 0, concurrency = 16): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const comment = `${first + i} `.padEnd(commentBytes, 'x');
      const response = await fetch(`${started.api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename } # ${comment}` }),
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/** One round of 3,000 anonymous 30 kB-comment documents and 3,000 of 7 kB, all new to the API. */
async function round(first: number): Promise<void> {
  const large = await anonymousRequests(3000, 30_000, first);
  const small = await anonymousRequests(3000, 7000, first);
  expect(new Set(large)).toEqual(new Set([413]));
  expect(new Set(small)).toEqual(new Set([200]));
}

// The bound that matters is the plateau: a second round of new documents must not add what the
// first did (an unbounded store grows by the same again), and the process must still be up.
it('plateaus under rounds of 3,000 anonymous 30 kB-comment documents and 3,000 of 7 kB', async () => {
  await anonymousRequests(200, 100);
  const before = rssMiB(started.api.child.pid!);
  await round(0);
  const afterFirst = rssMiB(started.api.child.pid!);
  await round(1_000_000);
  const afterSecond = rssMiB(started.api.child.pid!);
  console.log(`RSS growth: first round ${(afterFirst - before).toFixed(1)} MiB, second ${(afterSecond - afterFirst).toFixed(1)} MiB`);
  expect(started.api.child.exitCode).toBeNull();
  expect(afterFirst - before).toBeLessThan(80);
  expect(afterSecond - afterFirst).toBeLessThan(25);
});

it('answers a query over the limit with 413, code PAYLOAD_TOO_LARGE, naming the field and the rule', async () => {
  const response = await fetch(`${started.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ __typename } # ${'é'.repeat(4100)}` }),
  });
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({
    errors: [{ message: 'The query text may be at most 8192 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE', field: 'query', rule: 'maxBytes' } }],
  });
});
