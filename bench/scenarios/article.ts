// Phase 4: the article's approach (a new Management token and a user read on every `me`).
import { meRequests, runLoad } from '../lib/load';
import { measurePhase } from '../lib/phase';
import { startService } from '../lib/processes';
import type { PhaseResult } from '../lib/results';
import type { RunContext } from './context';

export async function runArticle(ctx: RunContext): Promise<PhaseResult> {
  const server = await startService({
    name: 'article approach',
    script: 'bench/article-approach.ts',
    readyPath: '/healthz',
    env: { NODE_ENV: 'production', AUTH0_DOMAIN: ctx.tenantUrl },
  });
  try {
    const load = { url: server.url, requests: meRequests(ctx.tokens), connections: ctx.settings.connections };
    await runLoad({ ...load, durationS: ctx.settings.warmupS });
    const phase = await measurePhase(ctx.tenantUrl, {}, {
      id: 'article',
      title: "article's approach: new Management token + user read per me",
      load: { ...load, durationS: ctx.settings.durationS },
      serverPid: server.pid,
      tenantPid: ctx.tenantPid,
    });
    const calls = phase.upstream ? phase.upstream.per1000.tokenRequests + phase.upstream.per1000.userReads : 0;
    return { ...phase, note: `${Math.round(calls)} Management API calls per 1,000 me` };
  } finally {
    await server.stop();
  }
}
