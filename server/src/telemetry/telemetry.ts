import type { ApolloServerPlugin } from '@apollo/server';
import type { ManagementAttemptObserver } from '../auth0/management-route';
import type { Config } from '../config';
import type { GraphQLContext } from '../graphql/context';
import type { AppObservers } from '../http/app';
import type { ProfileEvents } from '../profile/profile-stores';
import type { SharedRedis } from '../shared-state/shared-redis';
import { graphqlTelemetry } from './graphql-telemetry';
import { traceIdsOfActiveSpan } from './log-correlation';
import { allAttemptObservers, managementAttemptSpans } from './management-spans';
import { Metrics } from './metrics';
import { startMetricsServer, type MetricsServer } from './metrics-server';
import type { Tracing } from './tracing';

/** What the server's parts are given when metrics or tracing are on; all empty when both are off. */
export interface Telemetry {
  logMixin?: () => object;
  profileEvents?: ProfileEvents;
  managementAttempts?: ManagementAttemptObserver;
  app?: AppObservers;
  apolloPlugins: ApolloServerPlugin<GraphQLContext>[];
  /** For MailerOptions.onResult: counts mails sent and failed. */
  mailResult?: (sent: boolean) => void;
  watchRedis(redis: SharedRedis): void;
  /** Starts the metrics endpoint (if on); its URL. */
  listen(urlHost: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Wires metrics (METRICS_PORT) and tracing (started by main.ts before the server loads) into one object. */
export function createTelemetry(config: Config, tracing: Tracing | undefined): Telemetry {
  const metrics = config.metrics ? new Metrics() : null;
  let endpoint: MetricsServer | undefined;
  const attempts = allAttemptObservers([...(metrics ? [metrics.managementAttempts] : []), ...(tracing ? [managementAttemptSpans(config.auth0.domain)] : [])]);
  const graphql = metrics || tracing ? graphqlTelemetry(metrics, tracing !== undefined) : null;
  return {
    logMixin: tracing ? traceIdsOfActiveSpan : undefined,
    profileEvents: metrics?.profileEvents,
    managementAttempts: attempts,
    app: graphql
      ? {
          plugin: tracing?.fastifyPlugin,
          response: metrics ? (method, route, statusCode, seconds) => metrics.request(method, route, statusCode, seconds) : undefined,
          graphql: graphql.observer,
        }
      : undefined,
    apolloPlugins: graphql ? [graphql.plugin] : [],
    mailResult: metrics?.mailResult,
    watchRedis(redis) {
      metrics?.watchRedis(redis);
    },
    async listen(urlHost) {
      if (!metrics || !config.metrics) return undefined;
      endpoint = await startMetricsServer(metrics.registry, config.host, config.metrics.port, urlHost);
      return endpoint.url;
    },
    async close() {
      await endpoint?.close();
      await tracing?.shutdown();
    },
  };
}
