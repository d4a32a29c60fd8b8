// `npm run bench -- --profile`: where the API's CPU goes under warm `me` load. The production
// bundle runs under `node --cpu-prof`; after one `me` per user and a warm-up, `me` for every
// user runs against it, the API is stopped with SIGTERM (V8 writes the profile as the process
// exits) and the functions with the most self time are printed.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRedis, type TestRedis } from 'test-support';
import { cpuSeconds } from './lib/cpu';
import { byPackage, topSelfTime, type SelfTime } from './lib/cpu-profile';
import { meRequests, runLoad } from './lib/load';
import { ROOT } from './lib/processes';
import { callMeForEveryUser, startApi } from './scenarios/api-process';
import type { RunContext } from './scenarios/context';

const TOP = 25;

function table(what: string, rows: SelfTime[]): string[] {
  return [
    `| # | self % | self ms | ${what} |`,
    '| --- | --- | --- | --- |',
    ...rows.map((row, i) => `| ${i + 1} | ${row.percent} | ${row.selfMs} | \`${row.where.replace(/\|/g, '\\|')}\` |`),
  ];
}

/** `withRedis` (`--profile --redis`): the API runs with REDIS_URL, on a Redis of its own. */
export async function runProfile(ctx: RunContext, log: (line: string) => void, withRedis = false): Promise<string> {
  const redis = withRedis ? await startRedis() : undefined;
  try {
    return await profileApi(ctx, log, redis);
  } finally {
    await redis?.close();
  }
}

async function profileApi(ctx: RunContext, log: (line: string) => void, redis: TestRedis | undefined): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-cpu-prof-'));
  const nodeOptions = `${ctx.settings.apiNodeOptions} --cpu-prof --cpu-prof-dir=${folder}`;
  const api = await startApi({ ...ctx, settings: { ...ctx.settings, apiNodeOptions: nodeOptions } }, 'API (profiled)', {
    profileTtlS: ctx.settings.profileTtlS,
    updateRateLimitPerMinute: ctx.settings.updateRateLimitPerMinute,
    env: redis ? { REDIS_URL: redis.url } : {},
  });
  try {
    await callMeForEveryUser(api.url, ctx.tokens);
    const load = { url: api.url, connections: ctx.settings.connections, requests: meRequests(ctx.tokens) };
    await runLoad({ ...load, durationS: ctx.settings.warmupS });
    log(`profiling ${ctx.settings.durationS} s of warm me`);
    const cpuBefore = cpuSeconds(api.pid);
    const stats = await runLoad({ ...load, durationS: ctx.settings.durationS });
    const cpuUs = ((cpuSeconds(api.pid) - cpuBefore) / stats.requests) * 1e6;
    await api.stop();
    const file = readdirSync(folder).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`the API wrote no .cpuprofile into ${folder}`);
    // The load and the SIGTERM drain that ends it, not start-up or priming.
    const { rows, totalMs } = topSelfTime(path.join(folder, file), { root: ROOT, windowMs: (stats.durationS + 1) * 1000 });
    const idle = rows.find((row) => row.where === '(idle)')?.selfMs ?? 0;
    return [
      `warm me${redis ? ' with REDIS_URL' : ''}: ${stats.reqPerSec} req/s, p99 ${stats.p99Ms} ms, ${ctx.settings.connections} connections, ` +
        `${Math.round(cpuUs)} µs of API CPU per request (/proc, all threads, profiler overhead included); ` +
        `${totalMs} ms sampled over the last ${stats.durationS + 1} s, ` +
        `${Math.round(((totalMs - idle) / stats.requests) * 1000)} µs of main-thread time per request (idle excluded)`,
      '',
      ...table('function (file:line)', rows.slice(0, TOP)),
      '',
      ...table('package', byPackage(rows).slice(0, TOP)),
    ].join('\n');
  } finally {
    await api.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
