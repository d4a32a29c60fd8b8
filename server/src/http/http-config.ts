import type { Config } from '../config';

/** What the HTTP layer needs to know: CORS, the body limit, where GraphQL is mounted. */
export interface HttpConfig {
  /** NODE_ENV=production: no Sandbox page exemption from the security headers. */
  production: boolean;
  /** Exact origins a browser may call from (`http://localhost:4200`). */
  corsOrigins: readonly string[];
  /** Largest accepted JSON body; beyond it the answer is 413. */
  bodyLimitBytes: number;
  /** Longest time to receive a whole request, headers and body (slow-drip bodies are cut). */
  requestReadTimeoutMs: number;
  /** Where Apollo is mounted (`/graphql`). */
  graphqlPath: string;
}

const GRAPHQL_PATH = '/graphql';

export function httpConfigFrom(config: Config): HttpConfig {
  return {
    production: config.env === 'production',
    corsOrigins: config.corsOrigins,
    bodyLimitBytes: config.bodyLimitBytes,
    requestReadTimeoutMs: config.requestReadTimeoutMs,
    graphqlPath: GRAPHQL_PATH,
  };
}
