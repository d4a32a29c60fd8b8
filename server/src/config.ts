import { z } from 'zod';
import { metricsSettings, telemetryEnvShape, tracingSettings, type TracingSettings } from './config-telemetry';

const LOCAL_TENANT = 'http://localhost:4400';
// The local tenant's registrations (local-auth0/seed.json, which the server does not read at run
// time; test/config.spec.ts checks these equal it).
const LOCAL_CLIENT_ID = 'local-management';
const LOCAL_CLIENT_SECRET = 'local-management-secret';
/** The local tenant's SPA: the application its reset mails and reset page are for. */
const LOCAL_PASSWORD_RESET_CLIENT_ID = 'local-spa';

export interface Auth0Config {
  /** `http://localhost:PORT` for the local tenant, `https://<domain>` for a real one. */
  origin: string;
  /** host[:port], what the auth0 SDK calls `domain`. */
  domain: string;
  /** Expected `iss` of access tokens: origin + '/'. */
  issuer: string;
  /** API identifier the access tokens must carry in `aud`. */
  audience: string;
  /** true when the tenant is the local one (plain http on loopback). */
  local: boolean;
  managementClientId: string;
  managementClientSecret: string;
  /**
   * The application `POST /dbconnections/change_password` is called for (usually the SPA's client
   * id); null when not configured, and the password reset mail is then refused.
   */
  passwordResetClientId: string | null;
  /** Per-attempt timeout of a Management API call (the whole request stays under ~5 s). */
  timeoutMs: number;
  /** Least time between two key set fetches triggered by an unknown `kid`. */
  jwksCooldownMs: number;
}

export type LogFormat = 'json' | 'pretty';

/** Human-readable lines when a developer reads stdout in a terminal; JSON in production, tests and pipes. */
export function chooseLogFormat(env: Config['env'], stdoutIsTty: boolean): LogFormat {
  return stdoutIsTty && env === 'development' ? 'pretty' : 'json';
}

export interface Config {
  env: 'development' | 'production' | 'test';
  /** Interface the API listens on: `localhost` by default, `0.0.0.0` in a container. */
  host: string;
  port: number;
  /** Shared state for several replicas; null keeps everything in this process. */
  redis: RedisSettings | null;
  /** How long after SIGTERM /readyz answers 503 before connections are drained (load balancers notice). */
  drainDelayMs: number;
  corsOrigins: string[];
  /** Largest JSON body accepted on /graphql, in bytes. */
  bodyLimitBytes: number;
  /** Longest time to receive a whole request (headers and body); a slower one is answered 408 and closed. */
  requestReadTimeoutMs: number;
  auth0: Auth0Config;
  introspection: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `pretty` (pino-pretty) only for a developer's terminal; JSON lines everywhere else. */
  logFormat: LogFormat;
  /** Id of the local-tenant user whose token pre-fills the Sandbox (followed by id: her email may change). */
  sandboxUserId: string;
  profileState: ProfileStateSettings;
  /** Outgoing mail; null when no SMTP_URL is set. */
  mail: MailSettings | null;
  emailChange: EmailChangeSettings;
  recentSignIn: RecentSignInSettings;
  /** The Prometheus endpoint (on HOST); null when METRICS_PORT is not set: nothing is counted. */
  metrics: { port: number } | null;
  /** OTLP trace export; null unless an exporter is configured (OTEL_* variables). */
  tracing: TracingSettings | null;
}

export interface MailSettings {
  /** `smtp://[user:password@]host:port` or `smtps://…`. Holds a password: never logged. */
  smtpUrl: string;
  from: string;
}

/**
 * `verify-first`: the new address gets a link and nothing changes until it is followed.
 * `immediate`: Auth0's own behaviour (switch at once, `verify_email`); for setups without mail.
 */
export type EmailChangeMode = 'verify-first' | 'immediate';

export interface EmailChangeSettings {
  mode: EmailChangeMode;
  /** How long the mailed link works. */
  ttlSeconds: number;
  /** The app's origin; the mailed link is `${appUrl}/profile/confirm-email?token=…`. */
  appUrl: string;
}

/** RFC 9470 step-up: sensitive operations need a sign-in younger than maxAgeSeconds. */
export interface RecentSignInSettings {
  /** The namespaced access-token claim a post-login Action sets to the last sign-in time (epoch seconds). */
  claim: string;
  maxAgeSeconds: number;
}

export interface RedisSettings {
  /** `redis://[:password@]host:port[/db]` or `rediss://` for TLS. */
  url: string;
  /** A command not answered within this falls back to the in-process state. */
  commandTimeoutMs: number;
}

/** The per-user state the profile rules keep (shared-state/profile-state.ts builds it). */
export interface ProfileStateSettings {
  /** How long a user's profile is served from memory; 0 turns the cache off. */
  cacheTtlSeconds: number;
  /** How long the last profile Auth0 returned is kept to answer when Auth0 fails; 0 turns it off. */
  lastKnownTtlSeconds: number;
  /** updateProfile calls one user may make per minute. */
  updatesPerMinute: number;
}

const SIZE = /^(\d+)\s*(b|kb|mb)?$/i;
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** "32kb" -> 32768 (the shape is checked by the schema). */
function parseSize(value: string): number {
  const [, digits = '0', unit = 'b'] = SIZE.exec(value) ?? [];
  return Number(digits) * (SIZE_UNITS[unit.toLowerCase()] ?? 1);
}

const boolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** An optional URL of the given shape; empty (`REDIS_URL=` in an env file) means unset. */
function optionalUrl(shape: RegExp, message: string) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().trim().regex(shape, message).optional());
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  // Unset or empty: state stays in process.
  REDIS_URL: optionalUrl(/^rediss?:\/\/\S+$/, 'expected a Redis URL such as "redis://localhost:6379" or "rediss://user:password@host:6380"'),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).max(5000).default(250),
  DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(0),
  AUTH0_DOMAIN: z.string().trim().min(1).default(LOCAL_TENANT),
  AUTH0_AUDIENCE: z.string().trim().min(1).default('https://profile-api.local'),
  AUTH0_MANAGEMENT_CLIENT_ID: z.string().trim().min(1).optional(),
  AUTH0_MANAGEMENT_CLIENT_SECRET: z.string().min(1).optional(),
  AUTH0_PASSWORD_RESET_CLIENT_ID: z.string().trim().min(1).optional(),
  AUTH0_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(2000),
  CORS_ORIGINS: z.string().default('http://localhost:4200'),
  GRAPHQL_INTROSPECTION: boolean.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  // Unset: chooseLogFormat decides. `npm start` sets pretty when its own stdout is a terminal (it pipes the API's).
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  // ada of local-auth0/seed.json.
  SANDBOX_USER_ID: z.string().trim().min(1).default('auth0|64f1a2b3c4d5e6f708192a3b'),
  PROFILE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  LAST_KNOWN_PROFILE_TTL_SECONDS: z.coerce.number().int().min(0).max(7 * 86_400).default(86_400),
  UPDATE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  BODY_LIMIT: z
    .string()
    .regex(SIZE, 'expected a size such as "32kb", "1mb" or "4096"')
    .default('32kb'),
  JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).default(30_000),
  REQUEST_READ_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(15_000),
  SMTP_URL: optionalUrl(/^smtps?:\/\/\S+$/, 'expected an SMTP URL such as "smtp://localhost:1025" or "smtps://user:password@smtp.example.com:465"'),
  MAIL_FROM: z.string().trim().min(3).default('"Profile" <no-reply@profile.localhost>'),
  APP_URL: z.string().trim().regex(/^https?:\/\/[^/\s]+$/, 'expected the app\'s origin, e.g. "https://app.example.com" (no path)').optional(),
  EMAIL_CHANGE_MODE: z.enum(['verify-first', 'immediate']).optional(),
  EMAIL_CHANGE_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(86_400),
  AUTH_TIME_CLAIM: z.string().trim().regex(/^https?:\/\/\S+$/, 'expected a namespaced claim name such as "https://profile-api.example.com/auth_time"').optional(),
  SENSITIVE_ACTION_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  ...telemetryEnvShape,
});

type Env = z.infer<typeof envSchema>;

/** `localhost:4400` / `http://localhost:4400` / `tenant.eu.auth0.com` / `https://tenant.eu.auth0.com` -> origin. */
function parseTenantOrigin(value: string): URL {
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`AUTH0_DOMAIN "${value}" is not a domain; expected e.g. "my-tenant.eu.auth0.com" or "http://localhost:4400"`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`AUTH0_DOMAIN "${value}" must be a bare domain without a path`);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && !loopback) {
    throw new Error(`AUTH0_DOMAIN "${value}": plain http is only allowed for a local tenant on localhost`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`AUTH0_DOMAIN "${value}" must use https (or http for localhost)`);
  }
  return url;
}

function managementCredentials(env: Env, local: boolean): { id: string; secret: string } {
  if (local) {
    return { id: env.AUTH0_MANAGEMENT_CLIENT_ID ?? LOCAL_CLIENT_ID, secret: env.AUTH0_MANAGEMENT_CLIENT_SECRET ?? LOCAL_CLIENT_SECRET };
  }
  if (!env.AUTH0_MANAGEMENT_CLIENT_ID) {
    throw new Error('AUTH0_MANAGEMENT_CLIENT_ID is required for a real Auth0 tenant (the client id of the Machine-to-Machine application)');
  }
  if (!env.AUTH0_MANAGEMENT_CLIENT_SECRET) {
    throw new Error('AUTH0_MANAGEMENT_CLIENT_SECRET is required for a real Auth0 tenant (the client secret of the Machine-to-Machine application)');
  }
  return { id: env.AUTH0_MANAGEMENT_CLIENT_ID, secret: env.AUTH0_MANAGEMENT_CLIENT_SECRET };
}

function parseOrigins(value: string): string[] {
  const origins = value.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new Error(`CORS_ORIGINS entry "${origin}" must be an origin such as http://localhost:4200 (scheme, host, optional port; no path)`);
    }
  }
  return origins;
}

function emailChangeSettings(env: Env, origins: string[]): EmailChangeSettings {
  const mode = env.EMAIL_CHANGE_MODE ?? (env.SMTP_URL ? 'verify-first' : 'immediate');
  if (mode === 'verify-first' && !env.SMTP_URL) {
    throw new Error('EMAIL_CHANGE_MODE=verify-first needs SMTP_URL (the link to the new address is mailed); set SMTP_URL or EMAIL_CHANGE_MODE=immediate');
  }
  const appUrl = env.APP_URL ?? origins[0];
  if (mode === 'verify-first' && !appUrl) throw new Error('APP_URL is required for EMAIL_CHANGE_MODE=verify-first (the mailed link opens the app)');
  return { mode, ttlSeconds: env.EMAIL_CHANGE_TTL_SECONDS, appUrl: appUrl ?? '' };
}

/** The Action's claim by default: the API identifier, as a namespace, + `/auth_time`. */
function recentSignInSettings(env: Env): RecentSignInSettings {
  return { claim: env.AUTH_TIME_CLAIM ?? `${env.AUTH0_AUDIENCE.replace(/\/+$/, '')}/auth_time`, maxAgeSeconds: env.SENSITIVE_ACTION_MAX_AGE_SECONDS };
}

function readEnv(env: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** The tenant, its Management API credentials and how the API talks to it. */
function auth0Settings(parsed: Env, tenant: URL): Config['auth0'] {
  const local = tenant.protocol === 'http:';
  const credentials = managementCredentials(parsed, local);
  return {
    origin: tenant.origin,
    domain: tenant.host,
    issuer: `${tenant.origin}/`,
    audience: parsed.AUTH0_AUDIENCE,
    local,
    managementClientId: credentials.id,
    managementClientSecret: credentials.secret,
    passwordResetClientId: parsed.AUTH0_PASSWORD_RESET_CLIENT_ID ?? (local ? LOCAL_PASSWORD_RESET_CLIENT_ID : null),
    timeoutMs: parsed.AUTH0_TIMEOUT_MS,
    jwksCooldownMs: parsed.JWKS_COOLDOWN_MS,
  };
}

/** Parses the environment once, at start. Throws an Error whose message names the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTty = process.stdout.isTTY === true): Config {
  const parsed = readEnv(env);
  const auth0 = auth0Settings(parsed, parseTenantOrigin(parsed.AUTH0_DOMAIN));
  const production = parsed.NODE_ENV === 'production';
  const corsOrigins = parseOrigins(parsed.CORS_ORIGINS);
  return {
    env: parsed.NODE_ENV,
    host: parsed.HOST,
    port: parsed.PORT,
    redis: parsed.REDIS_URL ? { url: parsed.REDIS_URL, commandTimeoutMs: parsed.REDIS_COMMAND_TIMEOUT_MS } : null,
    drainDelayMs: parsed.DRAIN_DELAY_MS,
    corsOrigins,
    bodyLimitBytes: parseSize(parsed.BODY_LIMIT),
    requestReadTimeoutMs: parsed.REQUEST_READ_TIMEOUT_MS,
    auth0,
    introspection: parsed.GRAPHQL_INTROSPECTION ?? !production,
    logLevel: parsed.LOG_LEVEL ?? (parsed.NODE_ENV === 'test' ? 'silent' : 'info'),
    logFormat: parsed.LOG_FORMAT ?? chooseLogFormat(parsed.NODE_ENV, stdoutIsTty),
    sandboxUserId: parsed.SANDBOX_USER_ID,
    profileState: {
      cacheTtlSeconds: parsed.PROFILE_CACHE_TTL_SECONDS,
      lastKnownTtlSeconds: parsed.LAST_KNOWN_PROFILE_TTL_SECONDS,
      updatesPerMinute: parsed.UPDATE_RATE_LIMIT_PER_MINUTE,
    },
    mail: parsed.SMTP_URL ? { smtpUrl: parsed.SMTP_URL, from: parsed.MAIL_FROM } : null,
    emailChange: emailChangeSettings(parsed, corsOrigins),
    recentSignIn: recentSignInSettings(parsed),
    metrics: metricsSettings(parsed),
    tracing: tracingSettings(parsed),
  };
}
