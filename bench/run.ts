// `npm run bench`: every phase on loopback, one after another, then a table on the
// console and the same in bench/results/latest.{json,md}. Each server runs in its own child
// process; this process only generates load and reads the tenant's counts.
// `npm run bench -- --profile` instead records a CPU profile of the API under warm `me` (bench/profile.ts);
// `npm run bench -- --observability` runs only the telemetry phase (metrics + tracing on vs off),
// `-- --redis` only the Redis phases; `-- --profile --redis` profiles the API with REDIS_URL.
import { managementToken } from 'local-auth0/testing';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describeMachine } from './lib/machine';
import { killAllServices, startService } from './lib/processes';
import { renderText, writeResults } from './lib/report';
import type { BenchResults, PhaseResult } from './lib/results';
import { writeBenchSeed } from 'test-support';
import { readSettings } from './lib/settings';
import { judgeTargets } from './lib/targets';
import { mintTokens } from './lib/tenant-client';
import { runApiCold, type ColdRun } from './scenarios/api-cold';
import { runApiObservability } from './scenarios/api-observability';
import { runApiRedis } from './scenarios/api-redis';
import { buildApi } from './scenarios/api-process';
import { runApiMix, runApiWarm, type Comparison, type WarmRun } from './scenarios/api-warm';
import { runArticle } from './scenarios/article';
import type { RunContext } from './scenarios/context';
import { runProfile } from './profile';

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function ratio(phase: PhaseResult, to: PhaseResult): number {
  return Math.round((phase.stats.reqPerSec / to.stats.reqPerSec) * 100) / 100;
}

function withRatio(phase: PhaseResult, baseline: PhaseResult, reference?: PhaseResult): PhaseResult {
  return { ...phase, ratioToBaseline: ratio(phase, baseline), ...(reference ? { ratioToReference: ratio(phase, reference) } : {}) };
}

/** Per connection count: the reference rows and the warm API, with their ratios. */
function comparisonPhases(comparisons: Comparison[]): PhaseResult[] {
  return comparisons.flatMap((c) => [
    c.baseline,
    withRatio(c.reference, c.baseline),
    ...[c.mercuriusJit, c.mercurius, c.ceiling, c.warm].map((phase) => withRatio(phase, c.baseline, c.reference)),
  ]);
}

function failureNotes(phases: PhaseResult[]): string[] {
  return phases
    .filter((p) => p.stats.errors + p.stats.non2xx + p.stats.graphqlErrors > 0)
    .map(
      (p) =>
        `${p.title}: ${p.stats.errors} connection errors, ${p.stats.non2xx} non-2xx, ` +
        `${p.stats.graphqlErrors} answers with GraphQL errors out of ${p.stats.requests}`,
    );
}

function phaseLine(phase: PhaseResult): string {
  return `${phase.title}: ${phase.stats.reqPerSec} req/s, p99 ${phase.stats.p99Ms} ms; ${phase.note}`;
}

/** `npm run bench -- --<flag>`: one part alone, printed instead of the whole table. */
const ALONE: [flag: string, run: (ctx: RunContext) => Promise<string>][] = [
  ['--profile', (ctx) => runProfile(ctx, log, process.argv.includes('--redis'))],
  ['--redis', async (ctx) => (await runApiRedis(ctx)).map(phaseLine).join('\n')],
  ['--mix', async (ctx) => (await runApiMix(ctx)).map(phaseLine).join('\n')],
  ['--observability', async (ctx) => phaseLine(await runApiObservability(ctx))],
];

interface Measured {
  warmRun: WarmRun;
  coldRun: ColdRun;
  /** The rows after the warm comparison, in order. */
  later: PhaseResult[];
}

/** Every phase, in the order the README lists them. */
async function measureAll(ctx: RunContext): Promise<Measured> {
  log(`reference servers and API side by side: warm me at ${ctx.settings.comparisonConnections.join(' and ')} connections; then the 90/10 mix and the soak`);
  const warmRun = await runApiWarm(ctx);
  log('API: cold me');
  const coldRun = await runApiCold(ctx);
  log("article's approach");
  const article = await runArticle(ctx);
  log('API with Redis against the same without; two replicas sharing Redis under the 90/10 mix');
  const redisPhases = await runApiRedis(ctx);
  log('API with metrics and tracing on against the same with both off');
  const observability = await runApiObservability(ctx);
  return { warmRun, coldRun, later: [...warmRun.phases, coldRun.phase, article, ...redisPhases, observability] };
}

/** The table's rows with their ratios, and the targets judged. */
function resultsOf(ctx: RunContext, { warmRun, coldRun, later }: Measured, run: { started: number; machine: BenchResults['machine']; managementTokenLifetimeS: number }): BenchResults {
  const first = warmRun.comparisons[0];
  if (!first) throw new Error('the warm comparison did not run');
  // The mix, soak, cold and article phases run at the first connection count, as does `first`.
  const phases = [...comparisonPhases(warmRun.comparisons), ...later.map((p) => withRatio(p, first.baseline, first.reference))];
  const { managementTokenLifetimeS } = run;
  return {
    date: new Date().toISOString(),
    machine: run.machine,
    settings: ctx.settings,
    phases,
    apiMemory: warmRun.memory,
    apiLifetime: { ...warmRun.lifetime, managementTokenLifetimeS },
    targets: judgeTargets({
      comparisons: warmRun.comparisons,
      memory: warmRun.memory,
      users: ctx.userIds.length,
      managementTokenLifetimeS,
      soakUpdates: warmRun.phases.find((phase) => phase.id === 'soak')?.updateCost,
      apiProcesses: [
        { name: 'warm API', ...warmRun.lifetime, ttlS: ctx.settings.profileTtlS },
        { name: 'cold API', ...coldRun.lifetime },
      ],
    }),
    runSeconds: Math.round((Date.now() - run.started) / 1000),
    notes: failureNotes(phases),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();
  const settings = readSettings();
  log('bundling the API (npm run build -w server)');
  buildApi();
  const { seedFile, userIds } = writeBenchSeed(settings.users);
  log(`starting the tenant with ${userIds.length} users`);
  const tenant = await startService({ name: 'tenant', script: 'bench/tenant-process.ts', args: [seedFile], readyPath: '/.well-known/jwks.json' });
  try {
    const managementTokenLifetimeS = (await managementToken(tenant.url)).expiresIn;
    const ctx: RunContext = { settings, tenantUrl: tenant.url, tenantPid: tenant.pid, userIds, tokens: await mintTokens(tenant.url, userIds) };
    const alone = ALONE.find(([flag]) => process.argv.includes(flag));
    if (alone) {
      process.stdout.write((await alone[1](ctx)) + '\n');
      return;
    }
    const results = resultsOf(ctx, await measureAll(ctx), { started, machine, managementTokenLifetimeS });
    writeResults(results, path.join(__dirname, 'results'));
    process.stdout.write(renderText(results) + '\n');
  } finally {
    await tenant.stop();
    rmSync(path.dirname(seedFile), { recursive: true, force: true });
  }
}

// No server may outlive the bench, however it ends.
process.once('exit', killAllServices);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllServices();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
