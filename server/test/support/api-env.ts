/** The test API's environment: test mode, an ephemeral port, a short upstream timeout; `env` adds or overrides. */
export function testApiEnv(env: Record<string, string> = {}): Record<string, string> {
  return { NODE_ENV: 'test', PORT: '0', AUTH0_TIMEOUT_MS: '1000', ...env };
}
