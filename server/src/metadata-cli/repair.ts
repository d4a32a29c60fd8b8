import type { ManagementClient } from 'auth0';
import type { Checkpoint } from './checkpoint';
import type { Pacer } from './pace';
import { patchApplied, type PlannedPatch } from './plan';
import type { Progress } from './progress';

export interface RepairRun {
  patched: number;
  /** PATCHes the stopped runs this one resumed had sent (from the checkpoint). */
  patchedEarlier: number;
  failed: { userId: string; reason: string }[];
  /** Users whose re-read (`--verify`) did not show what was written. */
  unverified: string[];
  verified: number;
  stopped: boolean;
}

export interface RepairDeps {
  client: ManagementClient;
  pacer: Pacer;
  checkpoint: Checkpoint;
  progress: Progress;
  verify: boolean;
  /** Checked before each PATCH: true once Ctrl-C asked to stop. */
  stopRequested: () => boolean;
}

async function sendPatch({ client, pacer }: RepairDeps, patch: PlannedPatch): Promise<void> {
  await pacer.send(async () => {
    const { data, rawResponse } = await client.users.update(patch.userId, { user_metadata: patch.userMetadata }).withRawResponse();
    return { data, headers: rawResponse.headers };
  });
}

async function readBack({ client, pacer }: RepairDeps, userId: string): Promise<Record<string, unknown>> {
  const user = await pacer.send(async () => {
    const { data, rawResponse } = await client.users.get(userId, { fields: 'user_id,user_metadata', include_fields: true }).withRawResponse();
    return { data, headers: rawResponse.headers };
  });
  return (user.user_metadata ?? {}) as Record<string, unknown>;
}

/** Sends the planned PATCHes one by one; a stop request lets the PATCH in flight finish first. */
export async function runRepair(patches: readonly PlannedPatch[], deps: RepairDeps): Promise<RepairRun> {
  const run: RepairRun = { patched: 0, patchedEarlier: deps.checkpoint.done.size, failed: [], unverified: [], verified: 0, stopped: false };
  // The plan comes from a fresh read, so users repaired before the stop are normally no longer in it.
  const todo = patches.filter((p) => !deps.checkpoint.done.has(p.userId));
  const report = (done: number) => deps.progress.update({ done, total: todo.length, patched: run.patched, failed: run.failed.length });
  report(0);
  for (const [index, patch] of todo.entries()) {
    if (deps.stopRequested()) {
      run.stopped = true;
      break;
    }
    try {
      await sendPatch(deps, patch);
      deps.checkpoint.record(patch.userId);
      run.patched += 1;
      if (deps.verify) {
        if (patchApplied(await readBack(deps, patch.userId), patch)) run.verified += 1;
        else run.unverified.push(patch.userId);
      }
    } catch (error) {
      run.failed.push({ userId: patch.userId, reason: (error as Error).message });
    }
    report(index + 1);
  }
  deps.progress.finish();
  return run;
}
