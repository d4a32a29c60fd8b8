import type { ApolloServerPlugin, GraphQLServerContext } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Logger } from 'pino';
import { meQuery } from './operations';

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
  log: Logger;
}

/**
 * The embedded Apollo Sandbox. On the local tenant every page load arrives with
 * `Authorization: Bearer <short-lived token>` already filled in, so `me` runs at once.
 */
export function sandboxLandingPage({ token, log }: SandboxOptions): ApolloServerPlugin {
  async function headers(): Promise<Record<string, string> | undefined> {
    if (!token) return undefined;
    try {
      return { Authorization: `Bearer ${await token()}` };
    } catch (error) {
      log.warn({ err: error }, 'could not fetch a Sandbox token from the local tenant');
      return undefined;
    }
  }

  async function render(service: GraphQLServerContext): Promise<string> {
    const page = ApolloServerPluginLandingPageLocalDefault({ embed: true, document: meQuery(service.schema), headers: await headers() });
    const listener = await page.serverWillStart?.(service);
    const landing = await listener?.renderLandingPage?.();
    if (!landing) throw new Error('the default landing page rendered nothing');
    return typeof landing.html === 'string' ? landing.html : landing.html();
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
