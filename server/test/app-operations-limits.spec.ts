import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { queryLimitOptions } from '../src/graphql/query-limits';
import { appOperation, appOperationNames } from 'test-support';

const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema.graphql'), 'utf8'));

/** The validation errors (depth, cost, aliases…) the API's limits give one operation, before any resolver runs. */
async function limitErrors(name: string): Promise<string[]> {
  const server = new ApolloServer({ schema, ...queryLimitOptions({ production: false }) });
  const response = await server.executeOperation({ query: appOperation(name) });
  const result = response.body.kind === 'single' ? response.body.singleResult : null;
  return (result?.errors ?? []).filter((error) => error.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED').map((error) => error.message);
}

describe("the app's operations", () => {
  it.each(appOperationNames())('%s stays within the query limits (depth, cost, aliases)', async (name) => {
    await expect(limitErrors(name)).resolves.toEqual([]);
  });

  it('the limits do refuse a deeper selection (this check can fail)', async () => {
    const server = new ApolloServer({ schema, ...queryLimitOptions({ production: false }) });
    const deep = 'fragment P on PendingEmailChange { email } fragment F on Profile { pendingEmailChange { ...P } lastKnown { asOf } } query Deep { me { ...F } }';
    const response = await server.executeOperation({ query: deep });
    const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
    expect(errors.map((error) => error.extensions?.['code'])).toContain('GRAPHQL_VALIDATION_FAILED');
  });
});
