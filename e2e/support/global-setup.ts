import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APP_DIST, CLIENT_DIR } from './paths';

const SOURCES = ['src', 'public', 'angular.json', 'tsconfig.json', 'tsconfig.app.json'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** Builds the app once per run when the build is missing or older than its sources. */
export default function buildAppIfStale(): void {
  const index = join(APP_DIST, 'index.html');
  const sourcesChanged = SOURCES.map((name) => newestChange(join(CLIENT_DIR, name))).reduce((a, b) => Math.max(a, b));
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesChanged) return;
  process.stdout.write('\ne2e: building the Angular app (client/dist is missing or stale)…\n');
  execFileSync('npx', ['ng', 'build'], {
    cwd: CLIENT_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
}
