import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TenantState } from './types';

/** Thrown for a state file that exists but cannot be used: the tenant never resets it silently. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

/**
 * Holds the tenant's state and, unless in memory, mirrors every change to a JSON file.
 * Writes go to a temp file that is fsynced and renamed over the real one, so a crash
 * mid-write leaves either the old or the new state, never a torn file.
 */
export class StateStore {
  private constructor(
    public state: TenantState,
    private readonly file: string | null,
  ) {}

  static inMemory(state: TenantState): StateStore {
    return new StateStore(state, null);
  }

  /** Opens the state file, or creates it from `initial()` when it does not exist yet. */
  static async open(file: string, initial: () => Promise<TenantState>): Promise<{ store: StateStore; created: boolean }> {
    removeDeadWritersTemps(file);
    const existing = readStateFile(file);
    if (existing) return { store: new StateStore(existing, file), created: false };
    const store = new StateStore(await initial(), file);
    store.save();
    return { store, created: true };
  }

  replace(state: TenantState): void {
    this.state = state;
    this.save();
  }

  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.state, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A tenant killed between writing its temp file and renaming it (kill -9) leaves the temp file: drop those. */
function removeDeadWritersTemps(file: string): void {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) rmSync(join(dirname(file), name), { force: true });
  }
}

function readStateFile(file: string): TenantState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StateFileError(`Cannot read the local tenant's state file ${file}: ${(e as Error).message}`);
  }
  const advice = 'Fix it, or delete it to start again from the seed (all changes made to users are then lost).';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new StateFileError(`The local tenant's state file ${file} is corrupt (${(e as Error).message}). ${advice}`);
  }
  const problem = describeShapeProblem(parsed);
  if (problem) throw new StateFileError(`The local tenant's state file ${file} is not a tenant state (${problem}). ${advice}`);
  return parsed as TenantState;
}

function describeShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const s = value as Partial<TenantState>;
  if (s.version !== 1) return `unknown version ${JSON.stringify(s.version)}`;
  if (!s.keys?.current?.privateJwk || !s.keys.next?.privateJwk) return 'signing keys missing';
  if (!Array.isArray(s.users)) return '"users" is not an array';
  if (typeof s.refreshTokens !== 'object' || typeof s.sessions !== 'object') return 'token or session tables missing';
  return null;
}
