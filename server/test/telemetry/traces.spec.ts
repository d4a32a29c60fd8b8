import { randomBytes } from 'node:crypto';
import { startLocalAuth0, type LocalAuth0 } from 'local-auth0';
import { injectFault, ROUTES, SEED_USERS, userToken } from 'local-auth0/testing';
import { startApiProcess, killAllApis, type ApiProcess } from '../replicas/api-process';
import { gql, ME } from '../support/graphql';
import { startOtlpReceiver, SPAN_KIND, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { startRedis, type TestRedis } from 'test-support';

let tenant: LocalAuth0;
let redis: TestRedis;
let receiver: OtlpReceiver;
let api: ApiProcess;

beforeAll(async () => {
  [tenant, redis, receiver] = await Promise.all([startLocalAuth0({ port: 0, stateFile: null }), startRedis(), startOtlpReceiver()]);
  api = await startApiProcess({
    AUTH0_DOMAIN: tenant.url,
    REDIS_URL: redis.url,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    OTEL_SERVICE_NAME: 'profile-api-under-test',
  });
}, 60_000);

afterAll(async () => {
  killAllApis();
  await Promise.all([tenant.close(), redis.close(), receiver.close()]);
});

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The spans of the trace whose parent chain reaches `root`. */
function descendants(spans: ReceivedSpan[], root: ReceivedSpan): ReceivedSpan[] {
  const below = (span: ReceivedSpan): boolean => {
    const parent = spans.find((candidate) => candidate.spanId === span.parentSpanId);
    return parent !== undefined && (parent === root || below(parent));
  };
  return spans.filter(below);
}

function only(spans: ReceivedSpan[], predicate: (span: ReceivedSpan) => boolean, what: string): ReceivedSpan {
  const matches = spans.filter(predicate);
  if (matches.length !== 1) throw new Error(`expected one ${what}, got ${matches.length}: ${spans.map((span) => span.name).join(', ')}`);
  return matches[0]!;
}

it('exports one me that misses the cache as one tree: HTTP -> GraphQL -> Management API call with the retry of a 503 -> Redis, under the caller\'s traceparent', async () => {
  const ada = SEED_USERS.ada;
  const token = await userToken(tenant.url, { email: ada.email });
  await injectFault(tenant.url, { route: ROUTES.getUser, times: 1, status: 503 });
  const traceId = hex(16);
  const callerSpanId = hex(8);

  const result = await gql(api.url, ME, { token, headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } });
  expect(result.body.data?.me).toMatchObject({ email: ada.email, lastKnown: null });

  const ofTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
  await receiver.waitFor(() => ofTrace().some((span) => span.kind === SPAN_KIND.server && span.name === 'POST /graphql'));
  const spans = ofTrace();

  const http = only(spans, (span) => span.name === 'POST /graphql', 'HTTP server span');
  expect(http).toMatchObject({ kind: SPAN_KIND.server, parentSpanId: callerSpanId, service: 'profile-api-under-test' });
  expect(http.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'url.path': '/graphql', 'http.response.status_code': 200 });

  const operation = only(spans, (span) => span.parentSpanId === http.spanId, 'GraphQL operation span');
  expect(operation).toMatchObject({ name: 'query', kind: SPAN_KIND.server });
  expect(operation.attributes).toEqual({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'Me' });

  const call = only(spans, (span) => span.name === 'auth0 users.get', 'Management API call span');
  expect(call.parentSpanId).toBe(operation.spanId);
  const reads = spans.filter((span) => span.parentSpanId === call.spanId && span.name === ROUTES.getUser);
  expect(reads.map((span) => [span.kind, span.attributes['http.response.status_code'], span.attributes['http.request.resend_count']])).toEqual([
    [SPAN_KIND.client, 503, undefined],
    [SPAN_KIND.client, 200, 1],
  ]);
  expect(reads[0]!.attributes).toMatchObject({ 'http.request.method': 'GET', 'url.template': '/api/v2/users/:id', 'error.type': '503' });

  const redisSpans = spans.filter((span) => span.attributes['db.system.name'] === 'redis');
  expect(redisSpans.length).toBeGreaterThan(0);
  expect(redisSpans.every((span) => span.kind === SPAN_KIND.client)).toBe(true);
  expect(redisSpans.some((span) => span.parentSpanId === operation.spanId)).toBe(true);

  // One tree: every span of the trace hangs below the HTTP server span.
  expect(descendants(spans, http).length).toBe(spans.length - 1);

  // Nothing secret in anything exported: no token, email, user id or metadata value.
  const exported = receiver.bodies.join('\n');
  for (const secret of [token, ada.email, ada.id, 'Lovelace']) expect(exported).not.toContain(secret);
}, 60_000);

it('writes the trace_id and span_id of the request into its log lines', async () => {
  const traceId = hex(16);
  await gql(api.url, ME, { token: await userToken(tenant.url, { email: SEED_USERS.ada.email }), headers: { traceparent: `00-${traceId}-${hex(8)}-01` } });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const lines = api.output().split('\n').filter((line) => line.includes(traceId));
  expect(lines.length).toBeGreaterThan(0);
  expect(JSON.parse(lines[0]!)).toMatchObject({ trace_id: traceId, span_id: expect.stringMatching(/^[0-9a-f]{16}$/) });
});
