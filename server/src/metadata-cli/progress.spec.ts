import { createProgress } from './progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('createProgress', () => {
  it('redraws one bar with counts and ETA on a terminal', () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const progress = createProgress(stream, () => now);
    now = 10_000;
    progress.update({ done: 50, total: 200, patched: 50, failed: 1 });
    progress.finish();
    expect(written[0]).toBe('\r[######..................] 50/200 users, 50 patched, 1 failed, ETA 0:30\x1b[K');
    expect(written[1]).toBe('\n');
  });

  it('writes plain lines about every 5 % elsewhere', () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgress(stream, () => 0);
    for (let done = 0; done <= 40; done += 1) progress.update({ done, total: 40, patched: done, failed: 0 });
    expect(written).toHaveLength(21);
    expect(written[20]).toBe('progress: 40/40 users, 40 patched, ETA 0:00\n');
  });
});
