// Bare Mercurius 16 on Fastify 5, set up as its README does: the committed schema, the same
// constant `me`, `/healthz`, `/graphql`; with its JIT (graphql-jit, compiling a document after
// its first run) or without. No auth, no logging, no limits.
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONSTANT_PROFILE } from './constant-profile';

const schema = readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8');

export async function listenMercurius(port: number, jit: boolean): Promise<void> {
  const app = Fastify();
  app.get('/healthz', () => ({ ok: true }));
  await app.register(mercurius, { schema, resolvers: { Query: { me: () => CONSTANT_PROFILE } }, jit: jit ? 1 : 0 });
  await app.listen({ port, host: 'localhost' });
  process.once('SIGTERM', () => {
    app.server.closeAllConnections();
    void app.close().then(() => process.exit(0));
  });
}
