import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import { DocumentStore } from './document-store';

/**
 * Query limits sized to this schema: `me` and `updateProfile` are three levels deep (the
 * `lastKnown` mark), five counting the operation and the app's fragment, return about a dozen
 * scalars, and no client needs aliases or many directives. Introspection (Sandbox, codegen) is
 * exempt from depth and cost and stays under ~200 tokens.
 */
const QUERY_LIMITS = {
  maxDepth: 5,
  maxCost: 100,
  maxAliases: 5,
  maxDirectives: 10,
  maxTokens: 600,
} as const;

/** Apollo Server options enforcing QUERY_LIMITS (depth, cost, aliases, tokens), no batching and CSRF prevention. */
export interface QueryLimitOptions {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  allowBatchedHttpRequests: false;
  csrfPrevention: true;
  parseOptions: ParseOptions;
  /** Parsed documents kept by Apollo, sized by what they hold (source text included). */
  documentStore: DocumentStore;
  /** No "Did you mean ...?" field suggestions in errors (production). */
  hideSchemaDetailsFromClientErrors: boolean;
}

/**
 * Options to spread into `new ApolloServer({...})` (plugins merged with the server's own).
 * Production answers generic limit messages without field suggestions. Introspection is the
 * server config's call (off in production unless asked for). Tokens are limited with
 * graphql-js' own `parseOptions.maxTokens` rather than graphql-armor's max-tokens plugin: that
 * plugin throws from a parsing hook, which Apollo answers with HTTP 500 (graphql-armor issues
 * #571, #751); the built-in limit answers 400 GRAPHQL_PARSE_FAILED before anything else runs.
 */
export function queryLimitOptions({ production }: { production: boolean }): QueryLimitOptions {
  const exposeLimits = !production;
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
    documentStore: new DocumentStore(),
    hideSchemaDetailsFromClientErrors: production,
  };
}
