import type { FastifyInstance } from 'fastify';

/**
 * Graceful drain for `app.close()`: Fastify stops accepting connections, answers requests that
 * arrive meanwhile with 503, and closes idle keep-alive connections, but a connection whose
 * request was in flight stays open after its answer and would hold close() up. Once draining,
 * each answer ends its connection.
 */
export function endConnectionsWhenDraining(app: FastifyInstance): void {
  let draining = false;
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    if (draining) request.raw.socket.end();
    done();
  });
}
