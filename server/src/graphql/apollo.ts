import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import { ErrorCode } from 'profile-shape';
import type { GraphQLContext } from './context';
import { createFormatError, errorCodeOf } from './errors';
import { noSubscriptions } from './no-subscriptions';
import type { QueryLimitOptions } from './query-limits';
import { sandboxLandingPage } from './sandbox';
import { getSchema } from './schema';

export interface ApolloOptions {
  log: Logger;
  development: boolean;
  introspection: boolean;
  /** Token for the Sandbox's pre-filled Authorization header (local tenant, development). */
  sandboxToken?: () => Promise<string>;
  /** This API's GraphQL URL once it listens (the Sandbox page's curl line). */
  endpoint: () => string;
  /** Depth, cost, aliases, tokens, no batching, CSRF prevention (./query-limits). */
  queryLimits: QueryLimitOptions;
  /** Plugins of the server's other parts (e.g. the response cache's). */
  plugins?: ApolloServerPlugin<GraphQLContext>[];
}

const UPSTREAM_CODES = new Set<string>([ErrorCode.rateLimited, ErrorCode.upstreamUnavailable]);

/**
 * Logs errors with the request id: unexpected ones with the stack, upstream trouble as a warning,
 * the caller's own mistakes (bad input, no token) only at debug level.
 */
function errorLogging(fallback: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          const log = contextValue?.log ?? fallback;
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = errorCodeOf(error);
            const reason = original instanceof Error ? original.message : undefined;
            if (code === undefined || code === ErrorCode.internal) log.error({ err: original, operationName }, 'unexpected error');
            else if (UPSTREAM_CODES.has(code)) log.warn({ code, operationName, reason }, 'upstream error');
            else log.debug({ code, operationName, reason }, 'request error');
          }
        },
      };
    },
  };
}

export function createApolloServer(options: ApolloOptions): ApolloServer<GraphQLContext> {
  const landingPage = options.development
    ? sandboxLandingPage({ token: options.sandboxToken, endpoint: options.endpoint, log: options.log })
    : ApolloServerPluginLandingPageDisabled();
  const { plugins: limitPlugins, validationRules, ...queryLimits } = options.queryLimits;
  return new ApolloServer<GraphQLContext>({
    ...queryLimits,
    validationRules: [...validationRules, noSubscriptions],
    schema: getSchema(),
    introspection: options.introspection,
    // main.ts owns the signals: SIGTERM drains through close() and then exits.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: options.development,
    formatError: createFormatError(options.development),
    // No cache hints are set (answers are per user, over POST): the cache-control plugin would
    // only run a hook for every resolved field.
    plugins: [landingPage, errorLogging(options.log), ApolloServerPluginCacheControlDisabled(), ...limitPlugins, ...(options.plugins ?? [])],
  });
}
