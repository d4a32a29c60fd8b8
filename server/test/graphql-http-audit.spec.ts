// The graphql-http conformance audit (GraphQL over HTTP spec) against the running API in
// development mode: no MUST fails. The SHOULD/MAY deviations are Apollo's known, deliberate ones,
// listed here so a new one shows up as a failure.
import { auditServer, type AuditResult } from 'graphql-http';
import { useStack } from './support/use-stack';

jest.setTimeout(60_000);

/**
 * Apollo Server 5 (plus this API's CSRF prevention) deviates from these recommendations:
 * - document parse/validation and variable coercion failures answer 400 with application/json,
 *   where the spec recommends 200 for legacy clients;
 * - GET requests need a CSRF-safe header (`apollo-require-preflight`), which the audit's plain
 *   GETs do not send, so they are refused with 400.
 */
const KNOWN_DEVIATIONS = [
  'MAY accept application/x-www-form-urlencoded formatted GET requests',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];

const stack = useStack({ env: { NODE_ENV: 'development', LOG_LEVEL: 'silent' }, reset: 'none' });
let results: AuditResult[];

beforeAll(async () => {
  results = await auditServer({ url: `${stack.api.url}/graphql` });
});


it('ran the whole audit', () => {
  expect(results.length).toBeGreaterThan(50);
});

it('passes every MUST of the GraphQL over HTTP spec', () => {
  const mustFailures = results.flatMap((result) => (result.status === 'error' ? [`${result.name}: ${result.reason}`] : []));
  expect(mustFailures).toEqual([]);
});

it('deviates from no SHOULD or MAY beyond the known Apollo ones', () => {
  const deviations = results.filter((result) => result.status !== 'ok').map((result) => result.name);
  expect(deviations.sort()).toEqual([...KNOWN_DEVIATIONS].sort());
});
