import { commandLine, eventually, freePorts, listening } from './support/processes';
import { killAll, leftRunning, runNpmScript, STAND_IN_CMD, type RunningScript } from './support/npm-script';

const BANNER = 'Everything is up';

async function npmStart(): Promise<{ run: RunningScript; ports: number[] }> {
  const ports = await freePorts(5);
  const [tenant, api, app, smtp, inbox] = ports.map(String) as [string, string, string, string, string];
  const run = await runNpmScript(
    'start',
    { LOCAL_AUTH0_PORT: tenant, PORT: api, APP_PORT: app, MAIL_SMTP_PORT: smtp, MAIL_WEB_PORT: inbox, SMTP_URL: '', START_APP_CMD: STAND_IN_CMD },
    BANNER,
  );
  for (const port of ports) expect({ port, listening: await listening(port) }).toEqual({ port, listening: true });
  return { run, ports };
}

describe('npm start stops its whole process tree', () => {
  let run: RunningScript | undefined;
  afterEach(() => killAll(run));

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('within 5 s of %s to the npm process alone', async (signal) => {
    const started = await npmStart();
    run = started.run;
    expect(run.tree.length).toBeGreaterThanOrEqual(9); // start.mjs, four guards, four services, the stand-in's listener
    run.npm.kill(signal);
    expect(await leftRunning(run, started.ports, 5000)).toEqual({ processes: [], ports: [] });
  }, 180_000);

  it('within 5 s of kill -9 to scripts/start.mjs', async () => {
    const started = await npmStart();
    run = started.run;
    const script = run.tree.find((pid) => commandLine(pid).includes('scripts/start.mjs'));
    expect(script).toBeDefined();
    process.kill(script!, 'SIGKILL');
    expect(await leftRunning(run, started.ports, 5000)).toEqual({ processes: [], ports: [] });
  }, 180_000);

  it('starts a mail inbox and prints its URL', async () => {
    const started = await npmStart();
    run = started.run;
    const inbox = `http://127.0.0.1:${started.ports[4]}/`;
    expect(run.output()).toContain(`Mail inbox      ${inbox}`);
    expect(await (await fetch(inbox)).text()).toContain('Mail inbox (development)');
  }, 180_000);

  it('when the tenant dies, stops the API and the app and exits with an error', async () => {
    const started = await npmStart();
    run = started.run;
    const tenant = run.tree.find((pid) => commandLine(pid).includes('local-auth0/src/main.ts') && !commandLine(pid).includes('child-guard'));
    process.kill(tenant!, 'SIGKILL');
    expect(await eventually(() => run!.npm.exitCode !== null, 10_000)).toBe(true);
    expect(run.npm.exitCode).not.toBe(0);
    expect(await leftRunning(run, started.ports, 10_000)).toEqual({ processes: [], ports: [] });
  }, 180_000);
});
