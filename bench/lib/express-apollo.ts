// The bare Apollo Server 5 on Express 5 setup both comparison servers share: the committed
// schema, JSON body parsing, `/healthz`, `/graphql`. No auth, no logging, no limits.
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { IExecutableSchemaDefinition } from '@graphql-tools/schema';
import express from 'express';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export interface RequestContext {
  authorization: string | undefined;
}

export type Resolvers = IExecutableSchemaDefinition<RequestContext>['resolvers'];

const typeDefs = readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8');

export async function listenApollo(resolvers: Resolvers, port: number): Promise<http.Server> {
  const apollo = new ApolloServer<RequestContext>({ typeDefs, resolvers });
  await apollo.start();
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, { context: async ({ req }) => ({ authorization: req.headers.authorization }) }),
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
  return server;
}

export function portFromEnv(): number {
  return Number(process.env.PORT ?? 0);
}
