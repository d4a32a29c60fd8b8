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

/** Listens on `port` and spreads requests over `targets` (origins such as http://localhost:4001). */
export function startRoundRobinProxy({ port, targets, log = () => undefined }) {
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
  const server = createServer((req, res) => {
    const pool = ready.length > 0 ? ready : targets;
    const target = pool[next++ % pool.length];
    proxy.web(req, res, { target });
  });
  const timer = setInterval(async () => {
    const states = await Promise.all(targets.map(isReady));
    const now = targets.filter((_, i) => states[i]);
    if (now.length !== ready.length) log(`ready replicas: ${now.join(', ') || 'none'}`);
    ready = now;
  }, CHECK_INTERVAL_MS);
  server.listen(port);
  return {
    close() {
      clearInterval(timer);
      server.close();
      proxy.close();
    },
  };
}
