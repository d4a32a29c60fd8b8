import type { AuditResult, KeyCount } from './analyse';
import type { RepairPlan } from './plan';
import type { RepairRun } from './repair';

export interface RunStats {
  via: string;
  /** Management API calls, retries included; 429 answers among them. */
  requests: number;
  rateLimited: number;
  elapsedMs: number;
}

function describeKey(k: KeyCount): string {
  if (k.kind === 'alias') return `declared alias of ${k.field} (repair moves it)`;
  if (k.kind === 'near-miss') return `near-miss of ${k.field} (not a declared alias: declare it in profile-shape to repair it)`;
  return 'unrelated (left alone)';
}

function table(keys: readonly KeyCount[]): string[] {
  if (keys.length === 0) return ['  (none)'];
  const width = Math.max(...keys.map((k) => k.key.length));
  const count = Math.max(...keys.map((k) => String(k.users).length));
  return keys.map((k) => `  ${k.key.padEnd(width)}  ${String(k.users).padStart(count)}  ${describeKey(k)}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatAudit(result: AuditResult, stats: RunStats): string {
  const { conflicts } = result;
  const byField = Object.entries(conflicts.byField).map(([field, n]) => `${field} ${n}`).join(', ');
  return [
    `Users scanned: ${result.scanned} (via ${stats.via}, ${stats.requests} Management API requests in ${seconds(stats.elapsedMs)})`,
    'user_metadata keys outside the shape (users having each):',
    ...table(result.keys),
    `Conflicts (a canonical key and an alias hold different values): ${conflicts.users} users${byField ? ` (${byField})` : ''}`,
    ...(conflicts.userIds.length ? [`  e.g. ${conflicts.userIds.slice(0, 5).join(', ')}`] : []),
    result.drift ? `Drift: ${result.driftedUsers} users. Run \`npm run metadata -- repair --dry-run\` to see the fix.` : 'No drift.',
  ].join('\n');
}

export function formatDryRun(plan: RepairPlan): string {
  return plan.patches.map((p) => `PATCH /api/v2/users/${encodeURIComponent(p.userId)} ${JSON.stringify({ user_metadata: p.userMetadata })}`).join('\n');
}

export interface RepairSummary {
  scanned: number;
  planned: number;
  conflictsLeft: RepairPlan['conflicts'];
  run?: RepairRun;
  stats: RunStats;
}

export function repairJson(summary: RepairSummary): Record<string, unknown> {
  const { run, stats } = summary;
  return {
    scanned: summary.scanned,
    planned: summary.planned,
    patched: run?.patched ?? 0,
    patchedEarlier: run?.patchedEarlier ?? 0,
    failed: run?.failed ?? [],
    verified: run?.verified ?? 0,
    unverified: run?.unverified ?? [],
    stopped: run?.stopped ?? false,
    conflictsLeft: summary.conflictsLeft,
    ...stats,
  };
}

export function formatRepair(summary: RepairSummary, dryRun: boolean): string {
  const { run, stats } = summary;
  const rate = stats.elapsedMs > 0 ? (stats.requests * 1000) / stats.elapsedMs : 0;
  const lines = [
    `Users scanned: ${summary.scanned} (via ${stats.via})`,
    dryRun ? `PATCHes that repair would send: ${summary.planned} (dry run: none sent)` : `PATCHes planned: ${summary.planned}`,
  ];
  if (run) {
    const earlier = run.patchedEarlier ? ` (and ${run.patchedEarlier} by the stopped run this one resumed)` : '';
    lines.push(`PATCHes sent: ${run.patched}${earlier}, failed: ${run.failed.length}`);
    for (const f of run.failed.slice(0, 10)) lines.push(`  failed ${f.userId}: ${f.reason}`);
    if (run.verified || run.unverified.length) lines.push(`Verified by re-reading: ${run.verified}, not as written: ${run.unverified.length}`);
  }
  lines.push(`Conflicts left alone: ${summary.conflictsLeft.length} users${summary.conflictsLeft.length ? ' (rerun with --prefer canonical or --prefer alias)' : ''}`);
  for (const c of summary.conflictsLeft.slice(0, 5)) lines.push(`  ${c.userId}: ${c.fields.join(', ')}`);
  lines.push(`Management API requests: ${stats.requests} (${stats.rateLimited} answered 429) in ${seconds(stats.elapsedMs)}, ${rate.toFixed(2)}/s`);
  if (run?.stopped) lines.push('Stopped before the end: run `npm run metadata -- repair --resume` (same options) to go on.');
  return lines.join('\n');
}
