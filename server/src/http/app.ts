import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import type { Readiness } from './readiness';
import { bodyErrorHandler, GRAPHQL_PATH, graphqlBodyGuards, httpGuards, limitsConfigFrom } from './limits';
import { requestLog } from './request-log';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  apollo: ApolloServer<GraphQLContext>;
  buildContext: (authorization: string | undefined, log: Logger) => Promise<GraphQLContext>;
  checkReadiness: () => Promise<Readiness>;
}

const jsonErrors: ErrorRequestHandler = (error: { status?: number; statusCode?: number }, req, res, _next) => {
  const status = error.status ?? error.statusCode ?? 500;
  if (status >= 500) req.log.error({ err: error }, 'unhandled error');
  res.status(status).json({ errors: [{ message: status < 500 ? 'Bad request' : 'Internal server error' }] });
};

/** The Express app, assembled in one place: request log, security headers, /healthz, /graphql. */
export function createApp({ config, logger, apollo, buildContext, checkReadiness }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers POSTs; an ETag would only cost a hash of every response body.
  app.disable('etag');
  app.use(requestLog(logger));
  const limits = limitsConfigFrom(config);
  // CORS allow-list and security headers (the development Sandbox page is exempt from the latter).
  app.use(httpGuards(limits));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const { statusCode, body } = await checkReadiness();
    res.status(statusCode).set('cache-control', 'no-store').json(body);
  });
  app.use(
    GRAPHQL_PATH,
    graphqlBodyGuards(limits),
    expressMiddleware(apollo, { context: ({ req }) => buildContext(req.headers.authorization, req.log) }),
  );
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found' }] });
  });
  app.use(bodyErrorHandler);
  app.use(jsonErrors);
  return app;
}
