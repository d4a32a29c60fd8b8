import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { ValidationRule } from 'graphql';
import helmet from 'helmet';
import type { Config } from '../config';

export interface LimitsConfig {
  /** NODE_ENV=production: generic limit messages, no field suggestions, no Sandbox exemption. */
  production: boolean;
  /** Exact origins a browser may call from (`http://localhost:4200`). */
  corsOrigins: readonly string[];
  /** Largest accepted JSON body; beyond it the answer is 413. */
  bodyLimitBytes: number;
  /** Where Apollo is mounted (`/graphql`). */
  graphqlPath: string;
}

export const GRAPHQL_PATH = '/graphql';

export function limitsConfigFrom(config: Config): LimitsConfig {
  return {
    production: config.env === 'production',
    corsOrigins: config.corsOrigins,
    bodyLimitBytes: config.limits.bodyLimitBytes,
    graphqlPath: GRAPHQL_PATH,
  };
}

/**
 * Query limits sized to this schema: `me` and `updateProfile` are three levels deep (the
 * `lastKnown` mark), five counting the operation and the app's fragment, return about a dozen
 * scalars, and no client needs aliases or many directives. Introspection (Sandbox, codegen) is
 * exempt from depth and cost and stays under ~200 tokens.
 */
export const QUERY_LIMITS = {
  maxDepth: 5,
  maxCost: 100,
  maxAliases: 5,
  maxDirectives: 10,
  maxTokens: 600,
} as const;

export interface ApolloLimitOptions {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  allowBatchedHttpRequests: false;
  csrfPrevention: true;
  parseOptions: { maxTokens: number };
}

/**
 * Options to spread into `new ApolloServer({...})` (plugins merged with the server's own).
 * Introspection is the server config's call (off in production unless asked for). Tokens are limited with graphql-js' own
 * `parseOptions.maxTokens` rather than graphql-armor's max-tokens plugin: that plugin throws from
 * a parsing hook, which Apollo answers with HTTP 500 (graphql-armor issues #571, #751); the
 * built-in limit answers 400 GRAPHQL_PARSE_FAILED before anything else runs.
 */
export function apolloLimits(config: LimitsConfig): ApolloLimitOptions {
  const exposeLimits = !config.production;
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, exposeLimits },
    maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
  };
}

/** CORS allow-list and security headers, for every route. */
export function httpGuards(config: LimitsConfig): RequestHandler[] {
  return [corsAllowList(config), securityHeaders(config)];
}

/** For the GraphQL route, before Apollo: JSON only, size-limited. Pair with `bodyErrorHandler`. */
export function graphqlBodyGuards(config: LimitsConfig): RequestHandler[] {
  return [requireJsonContentType, express.json({ limit: config.bodyLimitBytes })];
}

function corsAllowList(config: LimitsConfig): RequestHandler {
  return cors({
    origin: [...config.corsOrigins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
}

function securityHeaders(config: LimitsConfig): RequestHandler {
  const headers = helmet();
  return (req, res, next) => {
    // The development Sandbox page loads Apollo's scripts from their CDN; helmet's CSP would block it.
    if (isSandboxPage(req, config)) return next();
    headers(req, res, next);
  };
}

function isSandboxPage(req: Request, config: LimitsConfig): boolean {
  return (
    !config.production &&
    req.method === 'GET' &&
    req.path === config.graphqlPath &&
    req.accepts(['application/json', 'text/html']) === 'text/html'
  );
}

const requireJsonContentType: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json')) return next();
  sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send GraphQL requests as JSON (Content-Type: application/json).');
};

/** Turns body-parser failures into JSON errors instead of Express' HTML page. */
export const bodyErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  switch (bodyErrorType(error)) {
    case 'entity.too.large':
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'Request body is too large.');
    case 'entity.parse.failed':
      return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding; send UTF-8 JSON.');
    default:
      return next(error);
  }
};

function bodyErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  return typeof error.type === 'string' ? error.type : undefined;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
