import express from 'express';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface StaticApp {
  /** `http://localhost:PORT` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built app like a production host would: files from `distDir`, `config.json`
 * generated for this run's ports, and index.html for every other path (client-side routes).
 */
export function startStaticApp(distDir: string, config: () => unknown): Promise<StaticApp> {
  const app = express();
  app.get('/config.json', (_req, res) => {
    res.set('cache-control', 'no-store').json(config());
  });
  app.use(express.static(distDir, { index: false }));
  app.use((_req, res) => {
    res.sendFile(join(distDir, 'index.html'));
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${port}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
    server.once('error', reject);
  });
}
