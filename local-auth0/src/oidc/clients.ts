import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { SeedClient } from '../config/seed';
import { OAuthError } from '../http/errors';
import type { ClientLookup } from '../tenant-parts';

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function basicCredentials(req: Request): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return undefined;
  const [id = '', secret = ''] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':');
  return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
}

/**
 * The client a token request comes from. Confidential clients must prove their secret (in the
 * body or a Basic header); public clients (SPAs) send only their id.
 */
export function authenticateClient(tenant: ClientLookup, req: Request, body: Record<string, unknown>): SeedClient {
  const basic = basicCredentials(req);
  const clientId = basic?.id ?? body.client_id;
  const client = tenant.client(clientId);
  if (!client) throw new OAuthError(401, 'access_denied', 'Unauthorized');
  if (client.clientSecret) {
    const secret = basic?.secret ?? body.client_secret;
    if (typeof secret !== 'string' || !sameSecret(secret, client.clientSecret)) throw new OAuthError(401, 'access_denied', 'Unauthorized');
  }
  return client;
}
