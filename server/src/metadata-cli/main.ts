import { createManagementClient } from '../auth0/management-client';
import { loadConfig } from '../config';
import { audit } from './analyse';
import { parseCommand, USAGE, UsageError, type Command } from './args';
import { Checkpoint, CheckpointError } from './checkpoint';
import { Pacer } from './pace';
import { planRepair } from './plan';
import { createProgress } from './progress';
import { runRepair } from './repair';
import { formatAudit, formatDryRun, formatRepair, repairJson, type RunStats } from './report';
import { walkUsers, type WalkResult } from './walk-users';

type RepairCommand = Extract<Command, { name: 'repair' }>;

/** 1 also means a repair that could not write every user; 2 a run that could not start or finish. */
const EXIT = { ok: 0, drift: 1, error: 2, interrupted: 130 } as const;

const print = (text: string) => process.stdout.write(`${text}\n`);
const note = (text: string) => process.stderr.write(`${text}\n`);

/** Ctrl-C: the PATCH in flight finishes and the run stops; a second Ctrl-C stops at once. */
function onInterrupt(): { requested: () => boolean; release: () => void } {
  let requested = false;
  const handler = () => {
    if (requested) process.exit(EXIT.interrupted);
    requested = true;
    note('Stopping after the current PATCH (Ctrl-C again to stop at once)...');
  };
  process.on('SIGINT', handler);
  return { requested: () => requested, release: () => process.off('SIGINT', handler) };
}

interface Session {
  client: ReturnType<typeof createManagementClient>;
  pacer: Pacer;
  origin: string;
  startedAt: number;
  walk: WalkResult;
}

const statsOf = (s: Session): RunStats => ({ via: s.walk.via, requests: s.pacer.requests, rateLimited: s.pacer.rateLimited, elapsedMs: Date.now() - s.startedAt });

async function repair(command: RepairCommand, session: Session): Promise<number> {
  const plan = planRepair(session.walk.users, command.prefer);
  const summary = { scanned: session.walk.users.length, planned: plan.patches.length, conflictsLeft: plan.conflicts };
  if (command.dryRun) {
    if (plan.patches.length && !command.json) print(formatDryRun(plan));
    print(command.json ? JSON.stringify({ ...repairJson({ ...summary, stats: statsOf(session) }), patches: plan.patches }) : formatRepair({ ...summary, stats: statsOf(session) }, true));
    return EXIT.ok;
  }
  const header = { kind: 'metadata-repair-checkpoint' as const, tenant: session.origin, prefer: command.prefer ?? null };
  const checkpoint = command.resume ? Checkpoint.resume(command.checkpointFile, header) : Checkpoint.start(command.checkpointFile, header);
  const stop = onInterrupt();
  const run = await runRepair(plan.patches, {
    client: session.client,
    pacer: session.pacer,
    checkpoint,
    progress: createProgress(process.stderr),
    verify: command.verify,
    stopRequested: stop.requested,
  }).finally(stop.release);
  if (!run.stopped && run.failed.length === 0) checkpoint.remove();
  const full = { ...summary, run, stats: statsOf(session) };
  print(command.json ? JSON.stringify(repairJson(full)) : formatRepair(full, false));
  if (run.stopped) return EXIT.interrupted;
  return run.failed.length || run.unverified.length ? EXIT.drift : EXIT.ok;
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommand(argv);
  if (command.name === 'help') {
    print(USAGE);
    return EXIT.ok;
  }
  const config = loadConfig();
  const pacer = new Pacer();
  const client = createManagementClient(config.auth0);
  const startedAt = Date.now();
  note(`Reading the users of ${config.auth0.origin}...`);
  const walk = await walkUsers(client, pacer, { onStatus: note });
  const session = { client, pacer, origin: config.auth0.origin, startedAt, walk };
  if (command.name === 'repair') return repair(command, session);
  const result = audit(walk.users);
  print(command.json ? JSON.stringify({ ...result, ...statsOf(session) }) : formatAudit(result, statsOf(session)));
  return result.drift ? EXIT.drift : EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    note(error instanceof UsageError || error instanceof CheckpointError ? message : `metadata: ${message}`);
    if (error instanceof UsageError) note(`\n${USAGE}`);
    process.exitCode = EXIT.error;
  },
);
