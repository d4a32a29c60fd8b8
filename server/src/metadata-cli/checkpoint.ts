import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** What a checkpoint belongs to: resuming with other settings would mix two different repairs. */
export interface CheckpointHeader {
  kind: 'metadata-repair-checkpoint';
  tenant: string;
  prefer: string | null;
}

export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

/**
 * The users a repair has PATCHed, one user id per line after a JSON header line. Appending a
 * line per PATCH survives a kill at any moment: at worst the last PATCH is not recorded, and
 * sending it again changes nothing.
 */
export class Checkpoint {
  private constructor(
    private readonly file: string,
    readonly done: ReadonlySet<string>,
  ) {}

  /** Starts a new checkpoint, replacing any earlier one. */
  static start(file: string, header: CheckpointHeader): Checkpoint {
    writeFileSync(file, `${JSON.stringify(header)}\n`);
    return new Checkpoint(file, new Set());
  }

  /** Continues the checkpoint in `file`; a fresh one when there is none. */
  static resume(file: string, header: CheckpointHeader): Checkpoint {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return Checkpoint.start(file, header);
      throw new CheckpointError(`Cannot read the checkpoint ${file}: ${(e as Error).message}`);
    }
    // The last piece is '' after a complete line, or a line cut short by a kill: dropped either way.
    const complete = text.split('\n').slice(0, -1);
    const [first = '', ...ids] = complete;
    let stored: Partial<CheckpointHeader>;
    try {
      stored = JSON.parse(first) as Partial<CheckpointHeader>;
    } catch {
      throw new CheckpointError(`${file} is not a repair checkpoint; delete it or pass another --checkpoint file`);
    }
    if (stored.kind !== header.kind || stored.tenant !== header.tenant || stored.prefer !== header.prefer) {
      throw new CheckpointError(
        `${file} belongs to a repair of ${stored.tenant} with --prefer ${stored.prefer ?? '(none)'}; resume with the same settings or start without --resume`,
      );
    }
    if (!text.endsWith('\n')) writeFileSync(file, `${complete.join('\n')}\n`);
    return new Checkpoint(file, new Set(ids.filter(Boolean)));
  }

  record(userId: string): void {
    appendFileSync(this.file, `${userId}\n`);
  }

  /** The repair finished: nothing is left to resume. */
  remove(): void {
    rmSync(this.file, { force: true });
  }
}
