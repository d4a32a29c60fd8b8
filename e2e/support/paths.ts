import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../..');
export const CLIENT_DIR = resolve(REPO_ROOT, 'client');
/** What `ng build` writes and the static server serves. */
export const APP_DIST = resolve(CLIENT_DIR, 'dist/client/browser');
export const ARTIFACTS_DIR = resolve(REPO_ROOT, 'e2e/artifacts');
