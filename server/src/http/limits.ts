import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
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
  hideSchemaDetailsFromClientErrors: boolean;
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
    // Apollo's own hideSchemaDetailsFromClientErrors does this without a plugin run per request.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    hideSchemaDetailsFromClientErrors: config.production,
  };
}
