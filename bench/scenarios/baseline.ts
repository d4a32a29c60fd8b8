// The reference servers of the warm comparison, each answering a constant `me` with no auth and
// no upstream: bare Apollo Server 5 on Express 5 (the baseline) and on Fastify 5 (the HTTP layer
// the API uses), bare Mercurius 16 on Fastify 5 with its JIT and without, and node:http by hand
// (the ceiling).
import { startService, type Service } from '../lib/processes';

export type ReferenceName = 'baseline' | 'reference' | 'mercuriusJit' | 'mercurius' | 'ceiling';

interface ReferenceSpec {
  name: ReferenceName;
  /** The row's title, before ", <n> connections". */
  title: string;
  script: string;
  env?: Record<string, string>;
}

export const REFERENCES: readonly ReferenceSpec[] = [
  { name: 'baseline', title: 'baseline: bare Apollo 5 + Express 5, constant me', script: 'bench/baseline-server.ts' },
  { name: 'reference', title: 'reference: bare Apollo 5 + Fastify 5, constant me', script: 'bench/fastify-reference-server.ts' },
  { name: 'mercuriusJit', title: 'bare Mercurius 16 + Fastify 5 with graphql-jit 0.8, constant me', script: 'bench/mercurius-reference-server.ts', env: { MERCURIUS_JIT: '1' } },
  { name: 'mercurius', title: 'bare Mercurius 16 + Fastify 5 without JIT, constant me', script: 'bench/mercurius-reference-server.ts', env: { MERCURIUS_JIT: '0' } },
  { name: 'ceiling', title: 'ceiling: node:http answering the JSON by hand', script: 'bench/node-http-ceiling-server.ts' },
];

export type ReferenceServers = Record<ReferenceName, Service>;

/** Starts every reference server; if one fails, the others are stopped. */
export async function startReferences(): Promise<ReferenceServers> {
  const started: Partial<ReferenceServers> = {};
  try {
    for (const spec of REFERENCES) {
      started[spec.name] = await startService({ name: spec.name, script: spec.script, readyPath: '/healthz', env: { NODE_ENV: 'production', ...spec.env } });
    }
    return started as ReferenceServers;
  } catch (error) {
    await Promise.all(Object.values(started).map((service) => service.stop()));
    throw error;
  }
}

export async function stopReferences(servers: ReferenceServers): Promise<void> {
  await Promise.all(Object.values(servers).map((service) => service.stop()));
}
