import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { DestinationStream, Logger } from 'pino';
import { AccountService } from './account/account.service';
import { createAccessTokenVerifier } from './auth/access-token';
import { cacheVerifiedTokens } from './auth/verified-token-cache';
import { createLocalTokenSource } from './auth0/local-tokens';
import { createManagementAccounts } from './auth0/accounts';
import { createManagementClient } from './auth0/management-client';
import { createPasswordChangeMails } from './auth0/password-change';
import { createManagementUsers, type ManagementUsers } from './auth0/users';
import type { Config } from './config';
import { createApolloServer } from './graphql/apollo';
import { createContextFactory, type ContextDependencies } from './graphql/context';
import { MeResponseCache } from './graphql/me-response-cache';
import { queryLimitOptions } from './graphql/query-limits';
import { createApp } from './http/app';
import { InstanceHealth } from './health/instance-health';
import { httpConfigFrom } from './http/http-config';
import { readiness } from './http/readiness';
import { createLogger, stdoutFor } from './logger';
import { createMailer, type Mailer } from './mail/mailer';
import { EmailChangeService } from './profile/email-change/email-change.service';
import { ProfileService, type ProfileServiceOptions } from './profile/profile.service';
import { CACHE_MAX_ENTRIES, createProfileState, type ProfileState } from './shared-state/profile-state';
import { createTelemetry, type Telemetry } from './telemetry/telemetry';
import type { Tracing } from './telemetry/tracing';

export interface StartOptions {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream;
  /** The OpenTelemetry SDK, started by main.ts before this module loaded (config.tracing set). */
  tracing?: Tracing;
}

export interface RunningServer {
  url: string;
  /** The Prometheus scrape URL when METRICS_PORT is set. */
  metricsUrl?: string;
  close(): Promise<void>;
}

const SANDBOX_TOKEN_LIFETIME_SECONDS = 600;
/** The response cache's bound: about 6,000 users' answers to the app's `me`. */
const RESPONSE_CACHE_MAX_BYTES = 16 * 1024 * 1024;

function sandboxTokenSource(config: Config) {
  if (config.env !== 'development' || !config.auth0.local) return undefined;
  return createLocalTokenSource({
    origin: config.auth0.origin,
    userId: config.sandboxUserId,
    audience: config.auth0.audience,
    lifetimeSeconds: SANDBOX_TOKEN_LIFETIME_SECONDS,
    timeoutMs: config.auth0.timeoutMs,
  });
}

function passwordChangeMails({ auth0 }: Config) {
  if (!auth0.passwordResetClientId) return undefined;
  return createPasswordChangeMails({ origin: auth0.origin, clientId: auth0.passwordResetClientId, timeoutMs: auth0.timeoutMs });
}

async function listen(app: FastifyInstance, port: number, host: string): Promise<number> {
  await app.listen({ port, host });
  return (app.server.address() as AddressInfo).port;
}

/** Where to reach a server listening on `host` from this machine. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function createEmailChanges(config: Config, users: ManagementUsers, options: ProfileServiceOptions, mailer: Mailer | null, logger: Logger) {
  return new EmailChangeService(users, {
    ...config.emailChange,
    mailer,
    cache: options.cache,
    lastKnown: options.lastKnown,
    limiter: options.limiter,
    // The address itself is never logged here: only which step failed, and why.
    onSideFailure: (userId, what, error) => logger.warn({ userId, reason: error instanceof Error ? error.message : String(error) }, `email change: ${what} failed`),
  });
}

/** The access-token check: jose against the tenant's key set, each verified token remembered until its `exp`. */
function createTokenCheck({ auth0 }: Config) {
  const verify = createAccessTokenVerifier({ issuer: auth0.issuer, audience: auth0.audience, cooldownMs: auth0.jwksCooldownMs });
  return cacheVerifiedTokens(verify, { maxEntries: CACHE_MAX_ENTRIES });
}

/** What the resolvers reach through the context, and the response cache in front of them. */
interface Services extends Omit<ContextDependencies, 'recentSignIn'> {
  responses: MeResponseCache;
  mailer: Mailer | null;
}

/** The layers below GraphQL: the Management API client and the services on it (profile -> auth0). */
function createServices(config: Config, logger: Logger, telemetry: Telemetry, profileState: ProfileState, health: InstanceHealth): Services {
  const managementClient = createManagementClient(config.auth0, {
    onTokenResult: (ok) => health.observeTokenRequest(ok),
    attempts: telemetry.managementAttempts,
  });
  const users = createManagementUsers(managementClient);
  const profiles = new ProfileService(users, profileState.serviceOptions);
  const mailer = config.mail ? createMailer({ ...config.mail, onResult: telemetry.mailResult }) : null;
  const responses = new MeResponseCache({ maxEntries: CACHE_MAX_ENTRIES, maxBytes: RESPONSE_CACHE_MAX_BYTES });
  const accounts = new AccountService({
    accounts: createManagementAccounts(managementClient),
    users,
    profiles,
    passwordChange: passwordChangeMails(config),
    resetLimit: profileState.passwordResetLimit,
    onDeleted: (userId) => responses.forget(userId),
    mailer,
    onMailFailure: (userId, error) => logger.warn({ userId, reason: error instanceof Error ? error.message : String(error) }, 'account deletion notice not sent'),
  });
  const emailChanges = createEmailChanges(config, users, profileState.serviceOptions, mailer, logger);
  return { verifyAccessToken: createTokenCheck(config), profiles, accounts, emailChanges, responses, mailer };
}

/** Apollo Server over the schema; `endpoint` is read when the Sandbox page is served (the port is known by then). */
async function startApollo(config: Config, logger: Logger, telemetry: Telemetry, responses: MeResponseCache, endpoint: () => string) {
  const apollo = createApolloServer({
    log: logger,
    development: config.env === 'development',
    introspection: config.introspection,
    sandboxToken: sandboxTokenSource(config),
    endpoint,
    queryLimits: queryLimitOptions({ production: config.env === 'production' }),
    plugins: [responses.plugin(), ...telemetry.apolloPlugins],
  });
  await apollo.start();
  return apollo;
}

/** Wires the layers (http -> graphql -> profile -> auth0, auth beside) and listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const telemetry = createTelemetry(config, options.tracing);
  const logger: Logger = createLogger(config.logLevel, options.logDestination ?? (await stdoutFor(config.logFormat)), telemetry.logMixin);
  const profileState = await createProfileState(config, logger, { events: telemetry.profileEvents, watchRedis: (redis) => telemetry.watchRedis(redis) });
  const health = new InstanceHealth({
    jwksUri: `${config.auth0.issuer}.well-known/jwks.json`,
    timeoutMs: config.auth0.timeoutMs,
    redisStatus: profileState.redisStatus,
  });
  const { responses, mailer, ...contextServices } = createServices(config, logger, telemetry, profileState, health);
  let url = `http://${urlHost(config.host)}:${config.port}`;
  const apollo = await startApollo(config, logger, telemetry, responses, () => `${url}/graphql`);
  const buildContext = createContextFactory({ ...contextServices, recentSignIn: config.recentSignIn });
  const checkReadiness = async () => readiness(await health.snapshot());
  const app = await createApp({ http: httpConfigFrom(config), logger, apollo, buildContext, checkReadiness, responses, observe: telemetry.app });
  const port = await listen(app, config.port, config.host);
  const metricsUrl = await telemetry.listen(urlHost(config.host));
  health.serving();
  url = `http://${urlHost(config.host)}:${port}`;
  logger.info({ url, metricsUrl, tracing: config.tracing !== null, tenant: config.auth0.origin, env: config.env }, 'profile API listening');
  logger.flush();
  return {
    url,
    metricsUrl,
    async close() {
      // /readyz answers 503 first, so load balancers stop sending before connections are refused.
      health.draining();
      if (config.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
      // Fastify stops accepting connections and waits for in-flight requests; then Apollo stops.
      await app.close();
      await apollo.stop();
      await profileState.close();
      await telemetry.close();
      mailer?.close();
    },
  };
}
