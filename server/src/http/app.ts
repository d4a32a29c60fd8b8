import type { ApolloServer, BaseContext } from '@apollo/server';
import Fastify, { type FastifyInstance, type FastifyPluginCallback } from 'fastify';
import type { Logger } from 'pino';
import { acceptJsonBodiesOnly, bodyErrorHandler, requireJsonContentType } from './body';
import { endConnectionsWhenDraining } from './drain';
import type { ResponseCache } from '../graphql/me-response-cache';
import { graphqlHandler, type ContextBuilder, type GraphQLRequestObserver } from './graphql-handler';
import type { HttpConfig } from './http-config';
import type { Readiness } from './readiness';
import { limitQuerySize } from './query-size-limit';
import { enforceVariablesBounds } from './variables-bounds';
import { registerRequestLog, requestIdOf } from './request-log';
import { refuseSandboxOffLoopback, registerCors, registerSecurityHeaders } from './security';

export interface AppDependencies<TContext extends BaseContext> {
  http: HttpConfig;
  logger: Logger;
  apollo: ApolloServer<TContext>;
  buildContext: ContextBuilder<TContext>;
  checkReadiness: () => Promise<Readiness>;
  /** Answers to replay for a caller (checked after the token, on every request). */
  responses?: ResponseCache<TContext>;
  /** Telemetry, when metrics or tracing are on. */
  observe?: AppObservers;
}

export interface AppObservers {
  /** Registered first (tracing's @fastify/otel plugin: the HTTP server span, the incoming traceparent). */
  plugin?: FastifyPluginCallback;
  /** Every finished request, with its route template (undefined when none matched). */
  response?(method: string, route: string | undefined, statusCode: number, seconds: number): void;
  graphql?: GraphQLRequestObserver;
}

function observeResponses(app: FastifyInstance, observe: NonNullable<AppObservers['response']>): void {
  app.addHook('onResponse', (request, reply, done) => {
    observe(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

/**
 * The Fastify app, assembled in one place: request log, CORS, security headers, /healthz,
 * /readyz, /graphql, JSON 404 and errors. Not listening yet (server.ts does that).
 */
export async function createApp<TContext extends BaseContext>(dependencies: AppDependencies<TContext>): Promise<FastifyInstance> {
  const { http, logger, apollo, buildContext, checkReadiness, responses, observe } = dependencies;
  const app = Fastify({
    logger: false,
    genReqId: requestIdOf,
    bodyLimit: http.bodyLimitBytes,
    // Node answers 408 and closes a connection whose request (headers and body) took longer;
    // it checks every second, so a slow-drip body is cut within the limit plus a second.
    requestTimeout: http.requestReadTimeoutMs,
    http: { connectionsCheckingInterval: 1000, headersTimeout: Math.min(60_000, http.requestReadTimeoutMs) },
    // Plain JSON.parse, as express.json() did: a `__proto__` key reaches GraphQL's input
    // coercion, which refuses it by name, instead of failing the whole body.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
  });
  if (observe?.plugin) await app.register(observe.plugin);
  if (observe?.response) observeResponses(app, observe.response);
  registerRequestLog(app, logger);
  endConnectionsWhenDraining(app);
  await registerCors(app, http);
  registerSecurityHeaders(app, http);
  acceptJsonBodiesOnly(app);
  app.setErrorHandler(bodyErrorHandler);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ errors: [{ message: 'Not found' }] }));

  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const { statusCode, body } = await checkReadiness();
    return reply.code(statusCode).header('cache-control', 'no-store').send(body);
  });
  app.route({
    method: ['GET', 'POST'],
    url: http.graphqlPath,
    onRequest: [refuseSandboxOffLoopback(http), requireJsonContentType],
    preHandler: [limitQuerySize, enforceVariablesBounds],
    handler: graphqlHandler({ apollo, buildContext, responses, observer: observe?.graphql }),
  });
  return app;
}
