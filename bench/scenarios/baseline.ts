// Phase 1's server: the bare Apollo Server 5 on Express 5, constant `me`, no auth.
import { startService, type Service } from '../lib/processes';

export function startBaseline(): Promise<Service> {
  return startService({
    name: 'baseline',
    script: 'bench/baseline-server.ts',
    readyPath: '/healthz',
    env: { NODE_ENV: 'production' },
  });
}
