// Bare Apollo Server 5 on Fastify 5, set up as the integration's README does: the committed
// schema, Fastify's own JSON parsing, `/healthz`, `/graphql`. No auth, no logging, no limits.
import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestContext, Resolvers } from './express-apollo';

const typeDefs = readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8');

export async function listenApolloOnFastify(resolvers: Resolvers, port: number): Promise<void> {
  const apollo = new ApolloServer<RequestContext>({ typeDefs, resolvers });
  await apollo.start();
  const app = Fastify();
  app.get('/healthz', () => ({ ok: true }));
  await app.register(fastifyApollo(apollo), { context: async (request) => ({ authorization: request.headers.authorization }) });
  await app.listen({ port, host: 'localhost' });
  process.once('SIGTERM', () => {
    app.server.closeAllConnections();
    void app.close().then(() => process.exit(0));
  });
}
