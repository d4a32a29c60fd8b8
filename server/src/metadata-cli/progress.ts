export interface ProgressCounts {
  done: number;
  total: number;
  patched: number;
  failed: number;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  finish(): void;
}

function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function describe(counts: ProgressCounts, startedAt: number, now: number): string {
  const elapsed = now - startedAt;
  const eta = counts.done > 0 ? ((counts.total - counts.done) * elapsed) / counts.done : undefined;
  const failed = counts.failed ? `, ${counts.failed} failed` : '';
  return `${counts.done}/${counts.total} users, ${counts.patched} patched${failed}, ETA ${eta === undefined ? '?' : formatDuration(eta)}`;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

/**
 * A redrawn bar with counts and ETA on a terminal; otherwise a plain line about every 5 % (at most
 * every 100 users), so logs and pipes stay readable.
 */
export function createProgress(stream: NodeJS.WriteStream, now: () => number = Date.now): Progress {
  const startedAt = now();
  let drawnAt = 0;
  let lastStep = -1;
  let last: ProgressCounts | undefined;
  if (stream.isTTY) {
    return {
      update(counts) {
        last = counts;
        if (now() - drawnAt < REDRAW_MS && counts.done < counts.total) return;
        drawnAt = now();
        const filled = counts.total ? Math.round((counts.done / counts.total) * BAR_WIDTH) : BAR_WIDTH;
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${describe(counts, startedAt, now())}\x1b[K`);
      },
      finish() {
        if (last) stream.write('\n');
      },
    };
  }
  return {
    update(counts) {
      const step = Math.max(1, Math.min(100, Math.ceil(counts.total / 20)));
      const current = Math.floor(counts.done / step);
      if (current === lastStep && counts.done < counts.total) return;
      lastStep = current;
      stream.write(`progress: ${describe(counts, startedAt, now())}\n`);
    },
    finish() {},
  };
}
