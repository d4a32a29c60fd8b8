// Throwaway: API variants (node flags via TRIAL_FLAGS, ';'-separated) under the same load, interleaved; req/s and RSS.
import { writeBenchSeed } from 'test-support';
import { meRequests, mixRequests, runInterleaved } from './lib/load';
import { killAllServices, readMemory, startService } from './lib/processes';
import { readSettings } from './lib/settings';
import { mintTokens } from './lib/tenant-client';
import { buildApi, callMeForEveryUser, startApi } from './scenarios/api-process';

async function main(): Promise<void> {
  const settings = readSettings();
  buildApi();
  const { seedFile, userIds } = writeBenchSeed(settings.users);
  const tenant = await startService({ name: 'tenant', script: 'bench/tenant-process.ts', args: [seedFile], readyPath: '/.well-known/jwks.json' });
  const tokens = await mintTokens(tenant.url, userIds);
  const flags = (process.env.TRIAL_FLAGS ?? '').split(';');
  const apis = [];
  for (const f of flags) {
    const ctx = { settings: { ...settings, apiNodeOptions: f }, tenantUrl: tenant.url, tenantPid: tenant.pid, userIds, tokens };
    apis.push(await startApi(ctx, f, { profileTtlS: 30, updateRateLimitPerMinute: 100000 }));
  }
  for (const api of apis) await callMeForEveryUser(api.url, tokens);
  console.log('start RSS', apis.map((a) => readMemory(a.pid).rssMb));
  const me = await runInterleaved(apis.map((a) => ({ url: a.url, connections: 10, requests: meRequests(tokens), durationS: Number(process.env.TRIAL_ME ?? 20) })), 5);
  console.log('me req/s', me.map((s) => s.reqPerSec), 'RSS', apis.map((a) => readMemory(a.pid).rssMb));
  const mix = await runInterleaved(apis.map((a) => ({ url: a.url, connections: 10, requests: mixRequests(tokens), durationS: Number(process.env.TRIAL_MIX ?? 50) })), 5);
  console.log('mix req/s', mix.map((s) => s.reqPerSec), 'RSS', apis.map((a) => readMemory(a.pid)));
  for (const a of apis) await a.stop();
  await tenant.stop();
}
process.once('exit', killAllServices);
main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
