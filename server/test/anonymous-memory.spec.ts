// Anonymous requests cannot grow the API's memory: `{ __typename }` with a long comment (which
// the parser's token limit does not count) is refused by size before parsing, and the parsed
// documents Apollo keeps are bounded by what they really hold. Measured as the RSS of a real API
// process (`/proc/<pid>/status`).
import { readFileSync } from 'node:fs';
import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { killAllApis, startApiProcess, type ApiProcess } from './replicas/api-process';

jest.setTimeout(120_000);

let tenant: LocalAuth0;
let api: ApiProcess;
beforeAll(async () => {
  tenant = await startLocalAuth0({ port: 0, stateFile: null });
  api = await startApiProcess({ AUTH0_DOMAIN: tenant.url, LOG_LEVEL: 'warn' });
}, 60_000);
afterAll(async () => {
  killAllApis();
  await tenant.close();
});

function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}

/** `count` distinct `{ __typename } # <commentBytes of comment>` documents, `concurrency` at a time. */
async function anonymousRequests(count: number, commentBytes: number, concurrency = 16): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const comment = `${i} `.padEnd(commentBytes, 'x');
      const response = await fetch(`${api.url}/graphql`, {
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

it('stays within 60 MiB of its starting RSS under 3,000 anonymous 30 kB-comment documents and 3,000 of 7 kB', async () => {
  await anonymousRequests(200, 100);
  const before = rssMiB(api.child.pid!);
  const large = await anonymousRequests(3000, 30_000);
  const small = await anonymousRequests(3000, 7000);
  const growth = rssMiB(api.child.pid!) - before;
  expect(growth).toBeLessThan(60);
  expect(new Set(large)).toEqual(new Set([413]));
  expect(new Set(small)).toEqual(new Set([200]));
});

it('answers a query over the limit with 413, code PAYLOAD_TOO_LARGE, naming the field and the rule', async () => {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ __typename } # ${'é'.repeat(4100)}` }),
  });
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({
    errors: [{ message: 'The query text may be at most 8192 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE', field: 'query', rule: 'maxBytes' } }],
  });
});
