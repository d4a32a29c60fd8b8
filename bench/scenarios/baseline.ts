// Phase 1: the bare Apollo Server 5 on Express 5, constant `me`, no auth.
import { meRequests, runLoad } from '../lib/load';
import { readMemory, startService } from '../lib/processes';
import type { PhaseResult } from '../lib/results';
import type { RunContext } from './context';

export async function runBaseline(ctx: RunContext): Promise<PhaseResult> {
  const server = await startService({
    name: 'baseline',
    script: 'bench/baseline-server.ts',
    readyPath: '/healthz',
    env: { NODE_ENV: 'production' },
  });
  try {
    // Same request bytes as the API phases (the token is sent and ignored).
    const load = { url: server.url, requests: meRequests(ctx.tokens), connections: ctx.settings.connections };
    await runLoad({ ...load, durationS: ctx.settings.warmupS });
    const stats = await runLoad({ ...load, durationS: ctx.settings.durationS });
    return { id: 'baseline', title: 'baseline: bare Apollo 5 + Express 5, constant me', stats, rssAfterMb: readMemory(server.pid).rssMb };
  } finally {
    await server.stop();
  }
}
