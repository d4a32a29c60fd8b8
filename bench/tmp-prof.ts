import { rmSync } from 'node:fs';
import path from 'node:path';
import { meRequests, runLoad } from './lib/load';
import { startOtlpSink } from './lib/otlp-sink';
import { killAllServices, startService } from './lib/processes';
import { writeBenchSeed } from 'test-support';
import { readSettings } from './lib/settings';
import { mintTokens } from './lib/tenant-client';
import { callMeForEveryUser, startApi } from './scenarios/api-process';

async function main() {
  const settings = readSettings();
  const { seedFile, userIds } = writeBenchSeed(100);
  const tenant = await startService({ name: 'tenant', script: 'bench/tenant-process.ts', args: [seedFile], readyPath: '/.well-known/jwks.json' });
  const ctx = { settings, tenantUrl: tenant.url, tenantPid: tenant.pid, userIds, tokens: await mintTokens(tenant.url, userIds) };
  const sink = await startOtlpSink();
  const env: Record<string, string> = {};
  if (process.env.M) env.METRICS_PORT = '19470';
  if (process.env.T) env.OTEL_EXPORTER_OTLP_ENDPOINT = sink.url;
  const api = await startApi(ctx, 'x', { profileTtlS: 30, updateRateLimitPerMinute: 100000, env });
  await callMeForEveryUser(api.url, ctx.tokens);
  const st = await runLoad({ url: api.url, connections: 10, requests: meRequests(ctx.tokens), durationS: 20 });
  console.log('requests', st.requests, st.reqPerSec);
  await api.stop(); killAllServices(); await sink.close(); rmSync(path.dirname(seedFile), { recursive: true, force: true });
}
main().then(() => process.exit(0), (e) => { console.error(e); killAllServices(); process.exit(1); });
