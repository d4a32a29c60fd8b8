import { LOCAL_APP } from './config/local-app';
import { DEFAULT_PORT, startLocalAuth0 } from './index';

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`LOCAL_AUTH0_PORT must be a port number (0-65535), got "${value}".`);
  }
  return port;
}

function publicHostFromEnv(value: string | undefined): 'localhost' | '127.0.0.1' {
  if (value === undefined || value === '' || value === 'localhost') return 'localhost';
  if (value === '127.0.0.1') return value;
  throw new Error(`LOCAL_AUTH0_PUBLIC_HOST must be "localhost" or "127.0.0.1", got "${value}".`);
}

/** LOCAL_AUTH0_SPA_URLS: comma-separated app URLs allowed for callbacks, logout and web origins. */
function spaUrlsFromEnv(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const urls = value.split(',').map((url) => url.trim()).filter(Boolean);
  for (const url of urls) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new Error(`LOCAL_AUTH0_SPA_URLS: "${url}" is not an http(s) URL.`);
  }
  return urls;
}

async function main(): Promise<void> {
  const stateFile = process.env.LOCAL_AUTH0_STATE;
  const spaUrls = spaUrlsFromEnv(process.env.LOCAL_AUTH0_SPA_URLS);
  const tenant = await startLocalAuth0({
    port: portFromEnv(process.env.LOCAL_AUTH0_PORT),
    publicHost: publicHostFromEnv(process.env.LOCAL_AUTH0_PUBLIC_HOST),
    spaUrls,
    rateLimit: process.env.LOCAL_AUTH0_RATE_LIMIT || undefined,
    smtpUrl: process.env.SMTP_URL || undefined,
    stateFile: stateFile === 'memory' ? null : stateFile || undefined,
    log: (line) => console.log(`[local-auth0] ${line}`),
  });
  const lines = [
    `Local Auth0-compatible tenant on ${tenant.url} (bound to loopback only; not reachable from other machines)`,
    `  issuer:            ${tenant.issuer}`,
    `  SPA client id:     ${LOCAL_APP.spaClientId} (callbacks, logout URLs and web origins: ${spaUrls?.join(', ') ?? 'those of seed.json'})`,
    `  M2M client:        ${LOCAL_APP.managementClient.id} / ${LOCAL_APP.managementClient.secret} (audience ${tenant.url}/api/v2/)`,
    `  API audience:      ${LOCAL_APP.apiAudience}`,
    ...tenant.demoLogins().map((login, i) => `${i === 0 ? '  demo logins:' : ''}`.padEnd(21) + login),
    `  mail:              ${process.env.SMTP_URL ? `sent through ${process.env.SMTP_URL}` : 'only logged (set SMTP_URL=smtp://localhost:1025 to send it)'}`,
    `  rate limit:        ${process.env.LOCAL_AUTH0_RATE_LIMIT || 'none (set LOCAL_AUTH0_RATE_LIMIT=2/s to act like a free tenant)'}`,
  ];
  console.log(lines.join('\n'));
  const stop = () => void tenant.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`[local-auth0] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
