import { parseArgs } from 'node:util';
import type { Prefer } from './field-repair';

export type Command =
  | { name: 'audit'; json: boolean }
  | { name: 'repair'; json: boolean; dryRun: boolean; prefer?: Prefer; resume: boolean; verify: boolean; checkpointFile: string }
  | { name: 'help' };

export const USAGE = `Usage: npm run metadata -- <command> [options]

  audit [--json]       count user_metadata keys outside the profile shape, near-misses and
                       conflicts over every user; exit 1 when something drifted, else 0
  repair [--dry-run] [--prefer canonical|alias] [--resume] [--verify] [--json]
                       [--checkpoint FILE]
                       move declared aliases to their canonical keys and delete them; only
                       canonical keys and declared aliases are touched. Conflicts are left
                       alone unless --prefer says which side wins. Ctrl-C stops after the
                       current PATCH; --resume goes on from the checkpoint FILE
                       (default .metadata-repair.checkpoint). --verify re-reads each PATCHed user.

The tenant and credentials come from the API's variables (AUTH0_DOMAIN,
AUTH0_MANAGEMENT_CLIENT_ID, AUTH0_MANAGEMENT_CLIENT_SECRET); the local tenant by default.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

const DEFAULT_CHECKPOINT = '.metadata-repair.checkpoint';

const OPTIONS = {
  json: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  prefer: { type: 'string' },
  resume: { type: 'boolean', default: false },
  verify: { type: 'boolean', default: false },
  checkpoint: { type: 'string', default: DEFAULT_CHECKPOINT },
  help: { type: 'boolean', default: false },
} as const;

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

type Flags = ReturnType<typeof parseFlags>['values'];

function auditCommand(argv: readonly string[], values: Flags): Command {
  const repairOnly = ['dry-run', 'prefer', 'resume', 'verify'].filter((k) => argv.includes(`--${k}`));
  if (repairOnly.length) throw new UsageError(`--${repairOnly[0]} belongs to repair, not audit`);
  return { name: 'audit', json: values.json };
}

function repairCommand(values: Flags): Command {
  const prefer = values.prefer;
  if (prefer !== undefined && prefer !== 'canonical' && prefer !== 'alias') {
    throw new UsageError(`--prefer must be "canonical" or "alias", got "${prefer}"`);
  }
  if (values['dry-run'] && values.resume) throw new UsageError('--dry-run sends nothing, so there is nothing to --resume');
  return {
    name: 'repair',
    json: values.json,
    dryRun: values['dry-run'],
    ...(prefer === undefined ? {} : { prefer }),
    resume: values.resume,
    verify: values.verify,
    checkpointFile: values.checkpoint,
  };
}

export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseFlags(argv);
  const [name, ...extra] = positionals;
  if (values.help || name === undefined || name === 'help') return { name: 'help' };
  if (extra.length) throw new UsageError(`Unexpected argument: ${extra.join(' ')}`);
  if (name === 'audit') return auditCommand(argv, values);
  if (name !== 'repair') throw new UsageError(`Unknown command "${name}": expected audit or repair`);
  return repairCommand(values);
}
