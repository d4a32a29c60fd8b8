// The local tenant as its own process for the bench: in memory, seeded from the file given as
// the first argument, port from PORT, no rate limit.
import { startLocalAuth0 } from 'local-auth0';

async function main(): Promise<void> {
  const seedFile = process.argv[2];
  const tenant = await startLocalAuth0({ port: Number(process.env.PORT ?? 0), stateFile: null, ...(seedFile ? { seedFile } : {}) });
  process.once('SIGTERM', () => {
    void tenant.close().then(() => process.exit(0));
  });
}

void main();
