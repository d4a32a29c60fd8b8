// A measured phase: tenant counts drained before and after the load, turned into per-1,000 rates.
import { watchCpu } from './cpu';
import { runLoad, type LoadOptions } from './load';
import { readMemory } from './processes';
import type { PhaseResult, UpdateCost, Upstream } from './results';
import { addCounts, count, drainCounts, per1000, TOKEN_REQUESTS, USER_PATCHES, USER_READS, type Counts } from './tenant-client';

/**
 * Runs one load phase. `tally` collects every upstream call against the tenant since the
 * server under test started (calls between phases included), for the per-lifetime targets.
 */
export async function measurePhase(
  tenantUrl: string,
  tally: Counts,
  phase: { id: string; title: string; load: LoadOptions; serverPid: number; tenantPid: number },
): Promise<PhaseResult> {
  addCounts(tally, await drainCounts(tenantUrl));
  const serverCpu = watchCpu(phase.serverPid);
  const tenantCpu = watchCpu(phase.tenantPid);
  const stats = await runLoad(phase.load);
  const cpu = { server: serverCpu.percentOver(stats.durationS), tenant: tenantCpu.percentOver(stats.durationS) };
  const counts = await drainCounts(tenantUrl);
  addCounts(tally, counts);
  return {
    id: phase.id,
    title: phase.title,
    stats,
    upstream: toUpstream(counts, stats.requests),
    rssAfterMb: readMemory(phase.serverPid).rssMb,
    cpu,
  };
}

export function toUpstream(counts: Counts, operations: number): Upstream {
  const tokenRequests = count(counts, TOKEN_REQUESTS);
  const userReads = count(counts, USER_READS);
  const userPatches = count(counts, USER_PATCHES);
  return {
    tokenRequests,
    userReads,
    userPatches,
    per1000: {
      tokenRequests: per1000(tokenRequests, operations),
      userReads: per1000(userReads, operations),
      userPatches: per1000(userPatches, operations),
    },
  };
}

const perUpdate = (calls: number, updates: number) => (updates > 0 ? (calls / updates).toFixed(2) : 'n/a');

/** What one accepted update cost upstream, as a note line. */
function updateCostNote({ updates, reads, patches }: UpdateCost): string {
  return (
    `updateProfile: ${perUpdate(reads + patches, updates)} Management calls per update ` +
    `(reads ${perUpdate(reads, updates)} + PATCHes ${perUpdate(patches, updates)}; ${updates} updates answered; ` +
    "the reads include me's cache misses)"
  );
}

/** A 90/10 mix phase with the cost of its `updates` answered: kept, and put in front of its note. */
export function withUpdateCost(phase: PhaseResult, updates: number, connections: number): PhaseResult {
  const updateCost = { updates, reads: phase.upstream?.userReads ?? 0, patches: phase.upstream?.userPatches ?? 0, inFlightAtStop: connections };
  const note = [updateCostNote(updateCost), phase.note].filter(Boolean).join('; ');
  return { ...phase, updateCost, note };
}
