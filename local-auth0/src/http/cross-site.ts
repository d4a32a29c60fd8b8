import type { Request } from 'express';
import type { TenantOrigin } from '../tenant-parts';
import { LOOPBACK_HOSTS } from './loopback';

/** An origin of the tenant itself: http, its port, a loopback host name. */
function isTenantOrigin(tenant: TenantOrigin, origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.port === new URL(tenant.url).port && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * True when a browser sent this request from a page the tenant did not serve (another site,
 * another port, an opaque `null` origin). Browsers send `Origin` on every POST and
 * `Sec-Fetch-Site` on every request; callers that are not browsers send neither.
 */
export function isForeignBrowserRequest(tenant: TenantOrigin, req: Request): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !isTenantOrigin(tenant, origin)) return true;
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
