// Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and ranks functions by self time.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
}

export interface SelfTime {
  /** `name (file:line)`, the file relative to the repository when it lies inside it. */
  where: string;
  selfMs: number;
  /** Share of all sampled time, idle included. */
  percent: number;
}

function describe(frame: ProfileNode['callFrame'], root: string): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.replace(/^file:\/\//, '');
  const shown = file.startsWith(root) ? path.relative(root, file).replace(/^node_modules\//, '') : file;
  return `${name} (${shown}:${frame.lineNumber + 1})`;
}

/** Where a function lives, coarsely: a package, `our code` (the bundle), `node` or a V8 bucket. */
function packageOf(where: string): string {
  const file = /\(([^()]*):\d+\)$/.exec(where)?.[1];
  if (file === undefined) return where.startsWith('(') ? where : 'node (native)';
  if (file.startsWith('node:')) return 'node';
  if (file.startsWith('server/')) return 'our code (server/dist/main.js)';
  const scoped = /^(@[^/]+\/[^/]+|[^/]+)/.exec(file)?.[1];
  return scoped ?? file;
}

/** Self time summed per package, largest first. */
export function byPackage(rows: SelfTime[]): SelfTime[] {
  const sums = new Map<string, SelfTime>();
  for (const row of rows) {
    const key = packageOf(row.where);
    const sum = sums.get(key) ?? { where: key, selfMs: 0, percent: 0 };
    sum.selfMs += row.selfMs;
    sum.percent = Math.round((sum.percent + row.percent) * 10) / 10;
    sums.set(key, sum);
  }
  return [...sums.values()].sort((a, b) => b.selfMs - a.selfMs);
}

/**
 * Functions by self time, largest first; samples of one function at several nodes are summed.
 * Only the last `windowMs` of the profile count, so start-up does not crowd the ranking.
 */
export function topSelfTime(file: string, options: { root: string; limit?: number; windowMs: number }): { rows: SelfTime[]; totalMs: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const whereOf = new Map(profile.nodes.map((node) => [node.id, describe(node.callFrame, options.root)]));
  const from = profile.endTime - options.windowMs * 1000;
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  let at = profile.endTime - profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  profile.samples.forEach((nodeId, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < from) return;
    const where = whereOf.get(nodeId) ?? '(unknown)';
    selfUs.set(where, (selfUs.get(where) ?? 0) + delta);
    totalUs += delta;
  });
  const rows = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.limit ?? Infinity)
    .map(([where, us]) => ({ where, selfMs: Math.round(us / 1000), percent: Math.round((us / totalUs) * 1000) / 10 }));
  return { rows, totalMs: Math.round(totalUs / 1000) };
}
