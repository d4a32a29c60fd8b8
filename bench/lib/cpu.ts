// CPU time of processes over a phase, to show which process limited it (on 2 cores, a server
// near 100 % is saturated; a tenant near 100 % means the local tenant was the bottleneck).
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which sits in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

export interface CpuWatch {
  /** CPU used since the watch began, as % of one core over `seconds`. */
  percentOver(seconds: number): number;
}

export function watchCpu(pid: number): CpuWatch {
  const start = cpuSeconds(pid);
  return {
    percentOver: (seconds) => Math.round(((cpuSeconds(pid) - start) / seconds) * 100),
  };
}
