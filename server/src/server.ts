import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { DestinationStream, Logger } from 'pino';
import { createAccessTokenVerifier } from './auth/access-token';
import { cacheVerifiedTokens } from './auth/verified-token-cache';
import { createLocalTokenSource } from './auth0/local-tokens';
import { createManagementClient } from './auth0/management-client';
import { createManagementUsers, type StoredUser } from './auth0/users';
import type { Config } from './config';
import { createApolloServer } from './graphql/apollo';
import { createContextFactory } from './graphql/context';
import { createApp } from './http/app';
import { apolloLimits, limitsConfigFrom } from './http/limits';
import { createLogger } from './logger';
import { ProfileCache } from './profile/profile-cache';
import { ProfileService, type ProfileServiceGuards } from './profile/profile.service';
import { UpdateRateLimiter } from './profile/update-rate-limit';

export interface StartOptions {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logDestination?: DestinationStream;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const SANDBOX_TOKEN_LIFETIME_SECONDS = 600;

function sandboxTokenSource(config: Config) {
  if (config.env !== 'development' || !config.auth0.local) return undefined;
  return createLocalTokenSource({
    origin: config.auth0.origin,
    email: config.sandboxUserEmail,
    audience: config.auth0.audience,
    lifetimeSeconds: SANDBOX_TOKEN_LIFETIME_SECONDS,
    timeoutMs: config.auth0.timeoutMs,
  });
}

/** Users (profiles, rate-limit windows) and tokens kept in memory at most: memory stays flat. */
const CACHE_MAX_ENTRIES = 10_000;

function profileGuards(config: Config, logger: Logger): ProfileServiceGuards {
  return {
    cache: new ProfileCache<StoredUser>({
      ttlMs: config.limits.profileCacheTtlSeconds * 1000,
      maxEntries: CACHE_MAX_ENTRIES,
      version: (user) => Date.parse(user.updatedAt),
    }),
    limiter: new UpdateRateLimiter({ limit: config.limits.updatesPerMinute, windowMs: 60_000, maxUsers: CACHE_MAX_ENTRIES }),
    logDropped: (userId, dropped) => logger.warn({ userId, ...dropped }, 'a stored profile value breaks the rules; it is not shown'),
  };
}

async function listen(app: FastifyInstance, port: number, host: string): Promise<number> {
  await app.listen({ port, host });
  return (app.server.address() as AddressInfo).port;
}

/** Wires the layers (http -> graphql -> profile -> auth0, auth beside) and listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger: Logger = createLogger(config.logLevel, options.logDestination);
  const profiles = new ProfileService(createManagementUsers(createManagementClient(config.auth0)), profileGuards(config, logger));
  const verifyAccessToken = cacheVerifiedTokens(
    createAccessTokenVerifier({ issuer: config.auth0.issuer, audience: config.auth0.audience, cooldownMs: config.limits.jwksCooldownMs }),
    { maxEntries: CACHE_MAX_ENTRIES },
  );
  const apollo = createApolloServer({
    log: logger,
    development: config.env === 'development',
    introspection: config.introspection,
    sandboxToken: sandboxTokenSource(config),
    limits: apolloLimits(limitsConfigFrom(config)),
  });
  await apollo.start();
  const buildContext = createContextFactory({ verifyAccessToken, profiles });
  const app = await createApp({ limits: limitsConfigFrom(config), logger, apollo, buildContext });
  const port = await listen(app, config.port, 'localhost');
  const url = `http://localhost:${port}`;
  logger.info({ url, tenant: config.auth0.origin, env: config.env }, 'profile API listening');
  logger.flush();
  return {
    url,
    // Fastify stops accepting connections and waits for in-flight requests; then Apollo stops.
    async close() {
      await app.close();
      await apollo.stop();
    },
  };
}
