// Our API (server/src/main.ts) as a child process pointed at the bench tenant.
import { meBody, isCleanResponse } from '../lib/graphql';
import { startService, type Service } from '../lib/processes';
import type { RunContext } from './context';

export interface ApiOptions {
  /** Profile cache TTL in seconds. */
  profileTtlS: number;
  updateRateLimitPerMinute: number;
}

// Production settings as shipped (logging included, one line per request to a discarded stdout).
export function startApi(ctx: RunContext, name: string, options: ApiOptions): Promise<Service> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    AUTH0_DOMAIN: ctx.tenantUrl,
    PROFILE_CACHE_TTL_SECONDS: String(options.profileTtlS),
    UPDATE_RATE_LIMIT_PER_MINUTE: String(options.updateRateLimitPerMinute),
  };
  if (ctx.settings.apiNodeOptions) env.NODE_OPTIONS = ctx.settings.apiNodeOptions;
  return startService({ name, script: 'server/src/main.ts', readyPath: '/healthz', env });
}

/** Sends one `me` per token, all at once; throws with the first bad answer, so the wiring is checked before load. */
export async function callMeForEveryUser(apiUrl: string, tokens: readonly string[]): Promise<number> {
  const started = performance.now();
  const answers = await Promise.all(
    tokens.map(async (token) => {
      const response = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: meBody,
      });
      return { status: response.status, body: await response.text() };
    }),
  );
  const bad = answers.find((answer) => answer.status !== 200 || !isCleanResponse(answer.body));
  if (bad) throw new Error(`me answered ${bad.status}: ${bad.body.slice(0, 300)}`);
  return performance.now() - started;
}
