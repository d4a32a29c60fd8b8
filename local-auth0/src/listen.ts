import { createServer, type RequestListener, type Server } from 'node:http';

/** Thrown when the tenant cannot bind its port; the message says what to do. */
export class ListenError extends Error {
  override name = 'ListenError';
}

function listenOn(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function explain(e: NodeJS.ErrnoException, port: number, host: string): ListenError {
  if (e.code === 'EADDRINUSE') {
    return new ListenError(`Port ${port} is already in use on ${host}. Is another local tenant running? Stop it, or pick another port with LOCAL_AUTH0_PORT.`);
  }
  if (e.code === 'EACCES') return new ListenError(`Not allowed to listen on ${host}:${port}; pick a port above 1024 with LOCAL_AUTH0_PORT.`);
  return new ListenError(`Cannot listen on ${host}:${port}: ${e.message}`);
}

const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EINVAL']);

/**
 * Binds 127.0.0.1, and ::1 on the same port when the machine has IPv6 loopback, so that
 * `localhost` works whichever way it resolves. Never any other interface.
 */
export async function listenLoopback(port: number, handler: RequestListener): Promise<{ port: number; servers: Server[]; hosts: string[] }> {
  const v4 = createServer(handler);
  try {
    await listenOn(v4, port, '127.0.0.1');
  } catch (e) {
    throw explain(e as NodeJS.ErrnoException, port, '127.0.0.1');
  }
  const actual = (v4.address() as { port: number }).port;
  const v6 = createServer(handler);
  try {
    await listenOn(v6, actual, '::1');
    return { port: actual, servers: [v4, v6], hosts: ['127.0.0.1', '::1'] };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // An ephemeral port taken on ::1 by someone else is not worth failing for: localhost is 127.0.0.1 first.
    if (NO_IPV6.has(err.code ?? '') || (port === 0 && err.code === 'EADDRINUSE')) return { port: actual, servers: [v4], hosts: ['127.0.0.1'] };
    await closeServers([v4]);
    throw explain(err, actual, '::1');
  }
}

export async function closeServers(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}
