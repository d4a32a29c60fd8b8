// Phase 1's reference servers: bare Apollo Server 5 answering a constant `me`, no auth, on
// Express 5 (the baseline) and on Fastify 5 (the HTTP layer the API uses).
import { startService, type Service } from '../lib/processes';

export function startBaseline(): Promise<Service> {
  return startService({
    name: 'baseline',
    script: 'bench/baseline-server.ts',
    readyPath: '/healthz',
    env: { NODE_ENV: 'production' },
  });
}

export function startFastifyReference(): Promise<Service> {
  return startService({
    name: 'Fastify reference',
    script: 'bench/fastify-reference-server.ts',
    readyPath: '/healthz',
    env: { NODE_ENV: 'production' },
  });
}
