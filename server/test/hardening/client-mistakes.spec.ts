// A client's mistake is answered with HTTP 400 and a client error code, and logged at debug level:
// an unauthenticated caller must not be able to write error-level "unexpected error" entries with
// stacks. A real server-side failure still is one.
import { createHash } from 'node:crypto';
import { errorCode, gql, UPDATE, type GraphQLResult } from '../support/graphql';
import { injectFault, userToken } from 'local-auth0/testing';
import { useStack } from '../support/use-stack';

jest.setTimeout(20_000);

interface LogLine {
  level: number;
  msg: string;
  code?: string;
  reqId?: string;
}

const ERROR_LEVEL = 50;
const stack = useStack({ env: { NODE_ENV: 'development', LOG_LEVEL: 'debug' }, logs: 'file' });

let requestNumber = 0;

/** Sends `body` (JSON text as given, or an object to serialise) without a token; answers the result and the log lines of that request. */
async function send(body: object | string): Promise<{ res: GraphQLResult; lines: LogLine[] }> {
  const reqId = `client-mistake-${(requestNumber += 1)}`;
  const response = await fetch(`${stack.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': reqId },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const res = { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResult['body'] };
  return { res, lines: await linesOf(reqId) };
}

async function linesOf(reqId: string): Promise<LogLine[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return stack.logs
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.reqId === reqId);
}

function expectClientMistake({ res, lines }: { res: GraphQLResult; lines: LogLine[] }, code: string, message: string) {
  expect(res.status).toBe(400);
  expect(errorCode(res)).toBe(code);
  expect(res.body.errors?.[0]?.message).toBe(message);
  expect(lines.filter((line) => line.level >= ERROR_LEVEL)).toEqual([]);
  expect(lines).toContainEqual(expect.objectContaining({ msg: 'request error', code, level: 20 }));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

it('answers a subscription with 400 GRAPHQL_VALIDATION_FAILED, logged at debug', async () => {
  expectClientMistake(await send({ query: 'subscription { __typename }' }), 'GRAPHQL_VALIDATION_FAILED', 'This API has no subscriptions');
});

it('answers a persisted-query hash that does not match the query with 400 BAD_REQUEST, logged at debug', async () => {
  const mistake = await send({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } });
  expectClientMistake(mistake, 'BAD_REQUEST', 'provided sha does not match query');
});

it('answers an unsupported persisted-query version with 400 BAD_REQUEST, logged at debug', async () => {
  const mistake = await send({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: sha256('{ __typename }') } } });
  expectClientMistake(mistake, 'BAD_REQUEST', 'Unsupported persisted query version');
});

it('answers an unknown persisted query with PERSISTED_QUERY_NOT_FOUND, not an internal error', async () => {
  const { res, lines } = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ never sent }') } } });
  expect(errorCode(res)).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(lines.filter((line) => line.level >= ERROR_LEVEL)).toEqual([]);
});

it('still logs a real server-side failure (Auth0 refusing the call) as an unexpected error, masked for the client', async () => {
  const token = await userToken(stack.tenant.url, { email: 'ada@example.com' });
  await injectFault(stack.tenant.url, { route: 'PATCH /api/v2/users/:id', status: 400 });
  const res = await gql(stack.api.url, UPDATE, { token, variables: { input: { firstName: 'Refused' } }, headers: { 'x-request-id': 'server-failure-1' } });
  expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
  expect(res.body.errors?.[0]?.message).toBe('Internal server error');
  expect(await linesOf('server-failure-1')).toContainEqual(expect.objectContaining({ msg: 'unexpected error', level: ERROR_LEVEL }));
});

it('answers variables nested 10,000 arrays deep with 400 BAD_REQUEST naming the field and the rule, and logs no stack', async () => {
  // Written by hand: JSON.stringify itself cannot walk 10,000 levels.
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const { res, lines } = await send(`{"query":"{ __typename }","variables":{"input":${deep}}}`);
  expect(res.status).toBe(400);
  expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', field: 'variables', rule: 'maxDepth' });
  expect(res.body.errors?.[0]?.message).toBe('"variables" may nest at most 8 levels deep.');
  expect(lines.filter((line) => line.level >= ERROR_LEVEL)).toEqual([]);
  expect(stack.logs).not.toMatch(/RangeError|Maximum call stack/);
});

it('answers variables with more values than the limit with 400 BAD_REQUEST, rule maxValues', async () => {
  const { res } = await send({ query: '{ __typename }', variables: { list: Array.from({ length: 600 }, () => 1) } });
  expect(res.status).toBe(400);
  expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', field: 'variables', rule: 'maxValues' });
});

it('runs a request whose variables stay within the limits', async () => {
  const variables = { shown: true, extra: { nested: [[1, 2], [3, { four: [4] }]] } };
  const { res } = await send({ query: 'query Q($shown: Boolean!) { __typename @include(if: $shown) }', variables });
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({ __typename: 'Query' });
});
