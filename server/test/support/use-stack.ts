/**
 * The set-up most spec files share, registered once: start a tenant and the API before the tests
 * (sign some seed users in), stop both after, put the tenant back to its seed before each test.
 * Per-file differences are options, read through the returned handle inside hooks and tests:
 *
 *   const stack = useStack({ env: { PROFILE_CACHE_TTL_SECONDS: '0' }, signIn: ['ada'] });
 *   it('...', async () => gql(stack.api.url, ME, { token: stack.tokens.ada }));
 */
import { PassThrough } from 'node:stream';
import type { LocalAuth0, LocalAuth0Options } from 'local-auth0';
import { resetTenant, SEED_USERS, userToken } from 'local-auth0/testing';
import type { MailCatcher } from 'test-support/mail-catcher';
import { useRunning } from 'test-support/hooks';
import { startMailStack, startPersistentStack, startStack, type Stack, type StackOptions } from './stack';

type SeedUser = keyof typeof SEED_USERS;

export interface UseStackOptions<User extends SeedUser> {
  /** Added to the test API's environment (testApiEnv). */
  env?: Record<string, string>;
  tenant?: LocalAuth0Options;
  /** Seed users signed in once after the start: `tokens.ada`... */
  signIn?: readonly User[];
  /** 'each' (default): before each test the tenant is back to its seed and caught mails are forgotten. */
  reset?: 'each' | 'none';
  /** 'file' (default): one stack for the file (or the describe block it is called in); 'test': one per test. */
  lifetime?: 'file' | 'test';
  /** Keep the API's log lines, `logs`: since the start ('file') or since the test began ('test'). */
  logs?: 'file' | 'test';
  /** A real SMTP catcher both the API and the tenant mail to: `catcher`; `true` or the API's SMTP login. */
  mail?: true | { smtpLogin: string };
  /** The tenant keeps its state (signing keys included) in a temp file: `stateFile`. */
  persistent?: boolean;
}

export interface StackHandle<User extends SeedUser> {
  readonly tenant: LocalAuth0;
  readonly api: Stack['api'];
  /** Access tokens of the `signIn` users, taken once after the start. */
  readonly tokens: Readonly<Record<User, string>>;
  /** With `mail`. */
  readonly catcher: MailCatcher;
  /** With `persistent`. */
  readonly stateFile: string;
  /** With `logs`: the API's log text. */
  readonly logs: string;
}

async function signIn(tenantUrl: string, users: readonly SeedUser[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const user of users) tokens[user] = await userToken(tenantUrl, { email: SEED_USERS[user].email });
  return tokens;
}

function startFor(options: UseStackOptions<SeedUser>, logDestination: PassThrough | undefined): Promise<Stack & { catcher?: MailCatcher; stateFile?: string }> {
  const env = options.env ?? {};
  const start: StackOptions = { tenant: options.tenant, server: logDestination && { logDestination } };
  if (options.mail && options.persistent) throw new Error('useStack: mail and persistent are not combined');
  if (options.mail) return startMailStack(env, { ...start, smtpLogin: options.mail === true ? undefined : options.mail.smtpLogin });
  if (options.persistent) return startPersistentStack(env, start);
  return startStack(env, start);
}

function required<T>(value: T | undefined, option: string): T {
  if (value === undefined) throw new Error(`useStack: pass the ${option} option to read this`);
  return value;
}

/** Registers the start, the stop and the reset hooks in the current scope (useRunning); answers the handle. */
export function useStack<const User extends SeedUser = never>(options: UseStackOptions<User> = {}): StackHandle<User> {
  let logText = '';
  const logs = options.logs ? new PassThrough() : undefined;
  logs?.on('data', (chunk: Buffer) => {
    logText += chunk.toString();
  });
  if (options.logs === 'test') {
    beforeEach(() => {
      logText = '';
    });
  }
  const start = async (): Promise<StackHandle<User> & Stack> => {
    const stack = await startFor(options, logs);
    const tokens = (await signIn(stack.tenant.url, options.signIn ?? [])) as Record<User, string>;
    return {
      tenant: stack.tenant,
      api: stack.api,
      tokens,
      close: () => stack.close(),
      get catcher() {
        return required(stack.catcher, 'mail');
      },
      get stateFile() {
        return required(stack.stateFile, 'persistent');
      },
      get logs() {
        return required(options.logs && logText, 'logs');
      },
    };
  };
  const reset = async (stack: Stack & { catcher?: MailCatcher }) => {
    await resetTenant(stack.tenant.url);
    if (options.mail) stack.catcher?.clear();
  };
  return useRunning(start, { lifetime: options.lifetime, reset: options.reset === 'none' ? undefined : reset });
}
