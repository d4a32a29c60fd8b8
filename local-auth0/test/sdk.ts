import { ManagementClient } from 'auth0';
import type { LocalAuth0 } from '../src/index';

/** The `auth0` SDK only builds https URLs; this fetch sends them to the local tenant over http. */
function httpFetch(tenant: LocalAuth0): typeof fetch {
  const httpsOrigin = tenant.url.replace(/^http:/, 'https:');
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const rewritten = url.startsWith(httpsOrigin) ? `${tenant.url}${url.slice(httpsOrigin.length)}` : url;
    return fetch(input instanceof Request ? new Request(rewritten, input) : rewritten, init);
  };
}

export function managementClient(tenant: LocalAuth0, extra: { maxRetries?: number } = {}): ManagementClient {
  return new ManagementClient({
    domain: new URL(tenant.url).host,
    clientId: 'local-management',
    clientSecret: 'local-management-secret',
    fetch: httpFetch(tenant),
    ...extra,
  });
}
