import type { ApolloServerPlugin, GraphQLServerContext } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Logger } from 'pino';
import { meQuery } from './operations';
import { withSandboxNotes } from './sandbox-notes';

/** Host names the development Sandbox page (which carries a live token) is served for: loopback only. */
const SANDBOX_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether a request's `Host` header names a Sandbox host (any port). Anything else — another name
 * pointing at this machine, a rebinding attacker's domain, no header — gets no page and no token.
 */
export function isSandboxHost(hostHeader: string | undefined, hosts: readonly string[] = SANDBOX_HOSTS): boolean {
  const name = /^(.+?)(?::\d{1,5})?$/.exec(hostHeader ?? '')?.[1];
  return name !== undefined && hosts.includes(name.toLowerCase());
}

export interface SandboxOptions {
  /** Supplies a token to pre-fill the Authorization header (local tenant only). */
  token?: () => Promise<string>;
  /** This API's GraphQL URL (known once it listens), for the page's curl line. */
  endpoint: () => string;
  log: Logger;
}

type TokenOutcome = { token?: string; tokenProblem?: string };

/**
 * The embedded Apollo Sandbox. On the local tenant every page load arrives with
 * `Authorization: Bearer <short-lived token>` already filled in, so `me` runs at once.
 */
export function sandboxLandingPage({ token, endpoint, log }: SandboxOptions): ApolloServerPlugin {
  async function tokenOutcome(): Promise<TokenOutcome> {
    if (!token) return {};
    try {
      return { token: await token() };
    } catch (error) {
      log.warn({ err: error }, 'could not fetch a Sandbox token from the local tenant');
      const reason = error instanceof Error ? error.message : String(error);
      return { tokenProblem: `the local tenant gave no token for SANDBOX_USER_ID (${reason}).` };
    }
  }

  async function render(service: GraphQLServerContext): Promise<string> {
    const outcome = await tokenOutcome();
    const headers = outcome.token === undefined ? undefined : { Authorization: `Bearer ${outcome.token}` };
    const page = ApolloServerPluginLandingPageLocalDefault({ embed: true, document: meQuery(service.schema), headers });
    const listener = await page.serverWillStart?.(service);
    const landing = await listener?.renderLandingPage?.();
    if (!landing) throw new Error('the default landing page rendered nothing');
    const html = typeof landing.html === 'string' ? landing.html : await landing.html();
    return withSandboxNotes(html, { ...outcome, endpoint: endpoint() });
  }

  return {
    async serverWillStart(service) {
      return {
        async renderLandingPage() {
          return { html: () => render(service) };
        },
      };
    },
  };
}
