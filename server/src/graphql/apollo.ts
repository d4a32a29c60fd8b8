import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { GraphQLContext } from './context';
import { createFormatError, describeError } from './errors';
import { sandboxLandingPage } from './sandbox';
import { getSchema } from './schema';

export interface ApolloOptions {
  httpServer: Server;
  log: Logger;
  development: boolean;
  introspection: boolean;
  /** Token for the Sandbox's pre-filled Authorization header (local tenant, development). */
  sandboxToken?: () => Promise<string>;
  /** Request limits (depth, cost, aliases, tokens, no batching, CSRF prevention) built by http/limits. */
  limits: ApolloLimits;
}

export interface ApolloLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  allowBatchedHttpRequests: false;
  csrfPrevention: true;
  parseOptions: ParseOptions;
}

/** Logs every error once, with the request id: expected ones short, unexpected ones with the stack. */
const errorLogging: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, operationName }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          const described = describeError(original);
          const code = described?.extensions.code ?? error.extensions.code;
          if (!described && (code === undefined || code === 'INTERNAL_SERVER_ERROR')) {
            contextValue.log.error({ err: original, operationName }, 'unexpected error');
          } else {
            contextValue.log.info({ code, operationName, reason: original instanceof Error ? original.message : undefined }, 'request error');
          }
        }
      },
    };
  },
};

export function createApolloServer(options: ApolloOptions): ApolloServer<GraphQLContext> {
  const landingPage = options.development
    ? sandboxLandingPage({ token: options.sandboxToken, log: options.log })
    : ApolloServerPluginLandingPageDisabled();
  const { plugins: limitPlugins, ...limits } = options.limits;
  return new ApolloServer<GraphQLContext>({
    ...limits,
    schema: getSchema(),
    introspection: options.introspection,
    includeStacktraceInErrorResponses: options.development,
    formatError: createFormatError(options.development),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }), landingPage, errorLogging, ...limitPlugins],
  });
}
