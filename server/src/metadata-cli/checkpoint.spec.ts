import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checkpoint, CheckpointError, type CheckpointHeader } from './checkpoint';

const header: CheckpointHeader = { kind: 'metadata-repair-checkpoint', tenant: 'http://localhost:4400', prefer: null };
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checkpoint-'));
  file = join(dir, 'cp');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Checkpoint', () => {
  it('remembers recorded users across a resume', () => {
    const first = Checkpoint.start(file, header);
    first.record('auth0|a');
    first.record('auth0|b');
    expect([...Checkpoint.resume(file, header).done]).toEqual(['auth0|a', 'auth0|b']);
  });

  it('ignores a line cut short by a kill', () => {
    writeFileSync(file, `${JSON.stringify(header)}\nauth0|a\nauth0|b`);
    expect([...Checkpoint.resume(file, header).done]).toEqual(['auth0|a']);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(header)}\nauth0|a\n`);
  });

  it('refuses to resume a repair made with other settings', () => {
    Checkpoint.start(file, header);
    expect(() => Checkpoint.resume(file, { ...header, prefer: 'alias' })).toThrow(CheckpointError);
  });

  it('starts afresh when there is nothing to resume, and is gone once removed', () => {
    const cp = Checkpoint.resume(file, header);
    expect(cp.done.size).toBe(0);
    cp.remove();
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});
