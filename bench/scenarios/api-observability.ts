// Warm `me` on the API with metrics on (METRICS_PORT, scraped every second as Prometheus would)
// and tracing on (OTLP export to a sink, the default sampler) against the same API with both
// off, side by side in alternating slices: the ratio is what observability costs.
import { freePort } from 'test-support';
import { watchCpu } from '../lib/cpu';
import { meRequests, runInterleaved, runLoad } from '../lib/load';
import { startOtlpSink } from '../lib/otlp-sink';
import { readMemory } from '../lib/processes';
import type { PhaseResult } from '../lib/results';
import { callMeForEveryUser, startApi } from './api-process';
import type { RunContext } from './context';

const SLICES = 5;
const SCRAPE_EVERY_MS = 1000;

/** Scrapes the endpoint like Prometheus; answers the number of scrapes and the last body's size. */
function scrape(url: string): { stop(): { scrapes: number; bytes: number } } {
  let scrapes = 0;
  let bytes = 0;
  const timer = setInterval(() => {
    fetch(url)
      .then((response) => response.text())
      .then((text) => {
        scrapes += 1;
        bytes = text.length;
      })
      .catch(() => undefined);
  }, SCRAPE_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      return { scrapes, bytes };
    },
  };
}

export async function runApiObservability(ctx: RunContext): Promise<PhaseResult> {
  const { settings, tokens } = ctx;
  const sink = await startOtlpSink();
  const metricsPort = await freePort();
  const options = { profileTtlS: settings.profileTtlS, updateRateLimitPerMinute: settings.updateRateLimitPerMinute };
  const observedEnv = { METRICS_PORT: String(metricsPort), OTEL_EXPORTER_OTLP_ENDPOINT: sink.url };
  const [plain, observed] = await Promise.all([startApi(ctx, 'API (telemetry off)', options), startApi(ctx, 'API (metrics + tracing)', { ...options, env: observedEnv })]);
  try {
    const targets = [plain!, observed!].map((api) => ({ url: api.url, connections: settings.connections, requests: meRequests(tokens), durationS: settings.durationS }));
    for (const target of targets) {
      await callMeForEveryUser(target.url, tokens);
      await runLoad({ ...target, durationS: settings.warmupS });
    }
    const scraper = scrape(`http://localhost:${metricsPort}/metrics`);
    const cpu = watchCpu(observed!.pid);
    const plainCpu = watchCpu(plain!.pid);
    const [plainStats, observedStats] = await runInterleaved(targets, SLICES);
    // CPU per request is steadier than req/s on a busy machine: what each answer cost the process.
    const cpuUs = (watch: typeof cpu, requests: number) => Math.round((watch.percentOver(1) / 100 / requests) * 1e6);
    const { scrapes, bytes } = scraper.stop();
    if (!plainStats || !observedStats) throw new Error('interleaved run returned no stats');
    if (scrapes === 0) throw new Error('the metrics endpoint never answered');
    const ratio = Math.round((observedStats.reqPerSec / plainStats.reqPerSec) * 100) / 100;
    return {
      id: 'warm-observability',
      title: `API me with metrics + tracing on (default sampler), ${tokens.length} users, warm`,
      stats: observedStats,
      rssAfterMb: readMemory(observed!.pid).rssMb,
      cpu: { server: cpu.percentOver(observedStats.durationS), tenant: 0 },
      note:
        `${ratio} x the same API with both off in the same run (${plainStats.reqPerSec} req/s, p99 ${plainStats.p99Ms} ms; target >= 0.9); ` +
        `CPU ${cpuUs(cpu, observedStats.requests)} vs ${cpuUs(plainCpu, plainStats.requests)} µs per request; ` +
        `${scrapes} scrapes of ${Math.round(bytes / 1024)} kB, ${sink.exports()} OTLP exports`,
    };
  } finally {
    await Promise.all([plain!.stop(), observed!.stop()]);
    await sink.close();
  }
}
