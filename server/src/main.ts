import { loadConfig } from './config';

const DRAIN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  // The SDK patches node-redis as it loads: tracing starts first, then the server's modules load.
  const tracing = config.tracing ? (await import('./telemetry/tracing')).startTracing(config.tracing) : undefined;
  const { startServer } = await import('./server');
  const server = await startServer(config, { tracing });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: draining in-flight requests\n`);
    setTimeout(() => process.exit(1), DRAIN_DEADLINE_MS).unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`profile API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
