import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import { requestLog } from './request-log';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  apollo: ApolloServer<GraphQLContext>;
  buildContext: (authorization: string | undefined, log: Logger) => Promise<GraphQLContext>;
}

const BODY_LIMIT = '32kb';

const jsonErrors: ErrorRequestHandler = (error: { status?: number; statusCode?: number }, req, res, _next) => {
  const status = error.status ?? error.statusCode ?? 500;
  if (status >= 500) req.log.error({ err: error }, 'unhandled error');
  res.status(status).json({ errors: [{ message: status < 500 ? 'Bad request' : 'Internal server error' }] });
};

/** The Express app, assembled in one place: request log, security headers, /healthz, /graphql. */
export function createApp({ config, logger, apollo, buildContext }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger));
  // The Sandbox page brings its own CSP; outside development no HTML is served.
  app.use(helmet(config.env === 'development' ? { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false } : {}));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    cors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    }),
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, { context: ({ req }) => buildContext(req.headers.authorization, req.log) }),
  );
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found' }] });
  });
  app.use(jsonErrors);
  return app;
}
