// Our API as it runs in production (`npm run build -w server`, then `npm run serve -w server`:
// the bundle under plain node with its heap cap), a child process pointed at the bench tenant.
import { execFileSync } from 'node:child_process';
import { meBody, isCleanResponse } from '../lib/graphql';
import { startService, type Service } from '../lib/processes';
import type { RunContext } from './context';

export interface ApiOptions {
  /** Profile cache TTL in seconds. */
  profileTtlS: number;
  updateRateLimitPerMinute: number;
  /** More API settings, e.g. REDIS_URL. */
  env?: Record<string, string>;
}

// Production settings as shipped (logging included, one line per request to a discarded stdout).
export function startApi(ctx: RunContext, name: string, options: ApiOptions): Promise<Service> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    AUTH0_DOMAIN: ctx.tenantUrl,
    PROFILE_CACHE_TTL_SECONDS: String(options.profileTtlS),
    UPDATE_RATE_LIMIT_PER_MINUTE: String(options.updateRateLimitPerMinute),
    ...options.env,
  };
  const nodeArgs = ctx.settings.apiNodeOptions.split(' ').filter(Boolean);
  return startService({ name, script: 'server/dist/main.js', nodeArgs, readyPath: '/healthz', env });
}

/** Bundles the API once per bench run, so the numbers are those of the code as it stands. */
export function buildApi(): void {
  execFileSync('npm', ['run', '--silent', 'build', '-w', 'server'], { stdio: 'inherit' });
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
