// Samples a process's memory once a second while load runs against it.
import { readMemory, type Memory } from './processes';

export interface RssSampler {
  /** Stops sampling and reads the memory once more. */
  stop(): { samples: number[]; last: Memory };
  /** Stops sampling (safe to call more than once, and after stop). */
  cancel(): void;
}

export function sampleRss(pid: number): RssSampler {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(readMemory(pid).rssMb), 1_000);
  return {
    stop() {
      clearInterval(timer);
      return { samples, last: readMemory(pid) };
    },
    cancel() {
      clearInterval(timer);
    },
  };
}
