import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandIn {
  /** `http://HOST:PORT`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** An upstream the spec scripts itself (`handler`), on a free loopback port; close() drops kept-alive connections too. */
export async function startStandIn(handler: RequestListener, host: 'localhost' | '127.0.0.1' = '127.0.0.1'): Promise<StandIn> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
