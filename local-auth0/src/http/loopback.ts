import type { RequestHandler } from 'express';
import { managementErrorBody } from './errors';

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Host names (as in a Host header or URL) that name this machine's loopback interface. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Test controls answer loopback callers only. The Host check also stops a web page from
 * reaching them through DNS rebinding.
 */
export const loopbackOnly: RequestHandler = (req, res, next) => {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (isLoopbackAddress(req.socket.remoteAddress) && LOOPBACK_HOSTS.has(host)) return next();
  res.status(403).json(managementErrorBody(403, 'Test controls are reachable from loopback only.', 'forbidden'));
};
