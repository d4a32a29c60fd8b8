import { commandLine, freePorts, listenAddresses, listening, LOOPBACK_HEX } from './support/processes';
import { killAll, leftRunning, runNpmScript, STAND_IN_CMD, type RunningScript } from './support/npm-script';

const BANNER = 'Two API replicas behind a round-robin proxy';

async function npmStartReplicas(): Promise<{ run: RunningScript; ports: number[] }> {
  // proxy, replica 1, replica 2 (PORT+1, PORT+2), then the tenant, the app and Redis.
  const ports = await freePorts(6);
  const [proxy, , , tenant, app, redis] = ports.map(String) as [string, string, string, string, string, string];
  const run = await runNpmScript(
    'start:replicas',
    { PORT: proxy, LOCAL_AUTH0_PORT: tenant, APP_PORT: app, REDIS_PORT: redis, START_APP_CMD: STAND_IN_CMD },
    BANNER,
  );
  for (const port of ports) expect({ port, listening: await listening(port) }).toEqual({ port, listening: true });
  return { run, ports };
}

describe('npm run start:replicas', () => {
  let run: RunningScript | undefined;
  afterEach(() => killAll(run));

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('stops the whole tree (Redis included) within 5 s of %s to the npm process alone', async (signal) => {
    const started = await npmStartReplicas();
    run = started.run;
    run.npm.kill(signal);
    expect(await leftRunning(run, started.ports, 5000)).toEqual({ processes: [], ports: [] });
  }, 180_000);

  it('stops the whole tree within 5 s of kill -9 to scripts/start-replicas.mjs, and its proxy listens on loopback only', async () => {
    const started = await npmStartReplicas();
    run = started.run;
    const proxyAddresses = listenAddresses(started.ports[0]!);
    expect(proxyAddresses.length).toBeGreaterThan(0);
    expect(proxyAddresses.filter((address) => !LOOPBACK_HEX.has(address))).toEqual([]);
    const script = run.tree.find((pid) => commandLine(pid).includes('scripts/start-replicas.mjs'));
    process.kill(script!, 'SIGKILL');
    expect(await leftRunning(run, started.ports, 5000)).toEqual({ processes: [], ports: [] });
  }, 180_000);
});
