// A small load balancer for `npm run start:replicas`: http-proxy in front of the API replicas,
// round-robin over those whose GET /readyz answers 200 (checked every second).
import { createServer } from 'node:http';
import httpProxy from 'http-proxy';

const CHECK_INTERVAL_MS = 1000;

async function isReady(target) {
  try {
    return (await fetch(`${target}/readyz`, { signal: AbortSignal.timeout(900) })).ok;
  } catch {
    return false;
  }
}

const LOOPBACK = ['127.0.0.1', '::1'];
const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT']);

function listen(handler, port, host) {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/**
 * Listens on `port` of `hosts` (the loopback addresses unless told otherwise: a development proxy
 * is not for other machines) and spreads requests over `targets` (origins such as http://localhost:4001).
 * Rejects when it cannot listen, except on a machine without IPv6 loopback.
 */
export async function startRoundRobinProxy({ port, targets, hosts = LOOPBACK, log = () => undefined }) {
  let ready = [...targets];
  let next = 0;
  const proxy = httpProxy.createProxyServer({ xfwd: true });
  proxy.on('error', (error, _req, res) => {
    log(`upstream error: ${error.message}`);
    if ('headersSent' in res && !res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'No API replica answered' }] }));
    }
  });
  const forward = (req, res) => {
    const pool = ready.length > 0 ? ready : targets;
    proxy.web(req, res, { target: pool[next++ % pool.length] });
  };
  const servers = [];
  for (const host of hosts) {
    try {
      servers.push(await listen(forward, port, host));
    } catch (error) {
      if (host === '::1' && NO_IPV6.has(error.code)) continue;
      for (const server of servers) server.close();
      throw new Error(`the proxy cannot listen on ${host}:${port}: ${error.message}`);
    }
  }
  const timer = setInterval(async () => {
    const states = await Promise.all(targets.map(isReady));
    const now = targets.filter((_, i) => states[i]);
    if (now.length !== ready.length) log(`ready replicas: ${now.join(', ') || 'none'}`);
    ready = now;
  }, CHECK_INTERVAL_MS);
  return {
    close() {
      clearInterval(timer);
      for (const server of servers) server.close();
      proxy.close();
    },
  };
}
