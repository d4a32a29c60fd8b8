// The run as a console table, a markdown table (pasted into the README) and JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResults, PhaseResult } from './results';

type Table = { head: string[]; rows: string[][] };

function phaseTable(phases: PhaseResult[]): Table {
  return {
    head: ['phase', 'req/s', 'p50 ms', 'p99 ms', 'x baseline', 'x Fastify ref.', 'failed', 'token req/1k', 'user reads/1k', 'PATCH/1k', 'RSS MB', 'CPU % server/tenant'],
    rows: phases.map((p) => [
      p.title,
      String(p.stats.reqPerSec),
      String(p.stats.p50Ms),
      String(p.stats.p99Ms),
      p.ratioToBaseline === undefined ? '' : p.ratioToBaseline.toFixed(2),
      p.ratioToReference === undefined ? '' : p.ratioToReference.toFixed(2),
      String(p.stats.errors + p.stats.non2xx + p.stats.graphqlErrors),
      p.upstream ? String(p.upstream.per1000.tokenRequests) : '',
      p.upstream ? String(p.upstream.per1000.userReads) : '',
      p.upstream ? String(p.upstream.per1000.userPatches) : '',
      p.rssAfterMb === undefined ? '' : String(p.rssAfterMb),
      p.cpu ? `${p.cpu.server}/${p.cpu.tenant}` : '',
    ]),
  };
}

function targetTable(results: BenchResults): Table {
  return {
    head: ['target', 'goal', 'measured', 'result'],
    rows: results.targets.map((t) => [t.name, t.target, t.measured, t.pass ? 'PASS' : 'MISS']),
  };
}

function machineLine({ machine }: BenchResults): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.os} (load average ${machine.loadAverage} at start)`;
}

function settingsLine({ settings }: BenchResults): string {
  return (
    `warm comparison at ${settings.comparisonConnections.join(' and ')} connections, other phases at ${settings.connections}, ` +
    `${settings.durationS} s per phase after ${settings.warmupS} s warm-up, ` +
    `${settings.users} users, profile TTL ${settings.profileTtlS} s, updateProfile limit ${settings.updateRateLimitPerMinute}/min/user, ` +
    `cold = ${settings.coldMode}` +
    `, API = the production bundle (server/dist/main.js) under node ${settings.apiNodeOptions || '(no flags)'}`
  );
}

function notesOf(results: BenchResults): string[] {
  return [...results.phases.filter((p) => p.note).map((p) => `${p.title}: ${p.note}`), ...results.notes];
}

function textTable({ head, rows }: Table): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable({ head, rows }: Table): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderText(results: BenchResults): string {
  return [
    `Machine: ${machineLine(results)}`,
    `Settings: ${settingsLine(results)}`,
    '',
    textTable(phaseTable(results.phases)),
    '',
    textTable(targetTable(results)),
    '',
    ...notesOf(results).map((n) => `- ${n}`),
    `Run time: ${results.runSeconds} s`,
  ].join('\n');
}

function renderMarkdown(results: BenchResults): string {
  return [
    `Measured ${results.date} on ${machineLine(results)}.`,
    `${settingsLine(results)}. The reference servers and the warm API are measured in alternating slices (ratios hold on a busy machine, absolute numbers less so); \`failed\` counts ` +
      'connection errors, non-2xx answers and GraphQL errors; CPU is % of one core (200 = both), from /proc.',
    '',
    markdownTable(phaseTable(results.phases)),
    '',
    markdownTable(targetTable(results)),
    '',
    ...notesOf(results).map((n) => `- ${n}`),
    `- \`npm run bench\` took ${results.runSeconds} s.`,
    '',
  ].join('\n');
}

export function writeResults(results: BenchResults, folder: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(path.join(folder, 'latest.md'), renderMarkdown(results));
}
