import { resolve } from 'node:path';
import { buildApp } from './app';
import { currentDemoLogins } from './config/local-app';
import { loadSeed, type Seed } from './config/seed';
import { parseRateLimit, TokenBucket } from './http/rate-limit';
import { closeServers, listenLoopback } from './listen';
import { createTenantMailer } from './mail/mailer';
import { initialState } from './state/initial';
import { StateStore } from './state/store';
import { Tenant } from './tenant';

export interface LocalAuth0Options {
  /** Default 4400; 0 = ephemeral. */
  port?: number;
  /** Default `.local-auth0/state.json` at the repository root; null = in memory. */
  stateFile?: string | null;
  /** Default `local-auth0/seed.json`. */
  seedFile?: string;
  /** e.g. `2/s` (like a free tenant); default none. */
  rateLimit?: string;
  /**
   * The host name in the tenant's URL and issuer; default `localhost`. `127.0.0.1` puts the
   * tenant on another site than an app on localhost, as a real tenant is.
   */
  publicHost?: 'localhost' | '127.0.0.1';
  /** How long a password-reset link works; default Auth0's 5 days. */
  resetTicketTtlSeconds?: number;
  /** Replaces the SPA clients' callback, logout and web-origin URLs (e2e runs on other ports). */
  spaUrls?: string[];
  /** Where the tenant sends its mails (`smtp://host:port`); without it they are only logged. */
  smtpUrl?: string;
  log?: (line: string) => void;
}

export interface LocalAuth0 {
  /** `http://localhost:PORT` (or the `publicHost` given) */
  url: string;
  /** `url + '/'` */
  issuer: string;
  port: number;
  /** The seed users' logins as they are now (a changed email shows; a deleted user is left out). */
  demoLogins(): string[];
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4400;

export const DEFAULT_SEED_FILE = resolve(__dirname, '../seed.json');
export const DEFAULT_STATE_FILE = resolve(__dirname, '../../.local-auth0/state.json');

export { SeedError } from './config/seed';
export { StateFileError } from './state/store';
export { ListenError } from './listen';

function withSpaUrls(seed: Seed, urls: string[] | undefined): Seed {
  if (!urls) return seed;
  const clients = seed.clients.map((c) => (c.type === 'spa' ? { ...c, callbacks: urls, allowedLogoutUrls: urls, webOrigins: urls.map((u) => new URL(u).origin) } : c));
  return { ...seed, clients };
}

async function openStore(seed: Seed, stateFile: string | null, log: (line: string) => void): Promise<StateStore> {
  if (stateFile === null) return StateStore.inMemory(await initialState(seed));
  const { store, created } = await StateStore.open(stateFile, () => initialState(seed));
  log(created ? `created state file ${stateFile} from the seed` : `loaded state from ${stateFile}`);
  return store;
}

export async function startLocalAuth0(options: LocalAuth0Options = {}): Promise<LocalAuth0> {
  const log = options.log ?? (() => {});
  const seed = withSpaUrls(loadSeed(options.seedFile ?? DEFAULT_SEED_FILE), options.spaUrls);
  const bucket = options.rateLimit ? new TokenBucket(parseRateLimit(options.rateLimit)) : new TokenBucket();
  const stateFile = options.stateFile === undefined ? DEFAULT_STATE_FILE : options.stateFile && resolve(options.stateFile);
  const store = await openStore(seed, stateFile, log);
  // The app needs the tenant's URL, which is only known once the port is bound.
  const handler: { app?: ReturnType<typeof buildApp> } = {};
  const { port, servers, hosts } = await listenLoopback(options.port ?? DEFAULT_PORT, (req, res) => handler.app!(req, res));
  const url = `http://${options.publicHost ?? 'localhost'}:${port}`;
  const tenant = new Tenant(url, seed, store, { resetTicketTtlSeconds: options.resetTicketTtlSeconds });
  handler.app = buildApp({ tenant, bucket, log, mailer: createTenantMailer(options.smtpUrl, log) });
  log(`listening on ${hosts.map((h) => (h.includes(':') ? `[${h}]` : h)).join(' and ')} port ${port} (loopback only)`);
  const demoLogins = () => currentDemoLogins((userId) => tenant.user(userId)?.email);
  return { url, issuer: `${url}/`, port, demoLogins, close: () => closeServers(servers) };
}
