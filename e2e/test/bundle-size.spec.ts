import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANAGEMENT_CLIENT } from 'local-auth0/testing';
import { estimatedTransferBytes, initialFiles } from '../support/bundle';
import { APP_DIST } from '../support/paths';

// angular.json's budget can only bound the raw size; this checks the estimated transfer size of what loads first.
const LIMIT_BYTES = 150_000;

describe('the built app', () => {
  it('loads at most 150 kB (estimated transfer size) before the first page can render', () => {
    const files = initialFiles(APP_DIST);
    expect(files.some((file) => file.startsWith('main-'))).toBe(true);
    const total = files.reduce((sum, file) => sum + estimatedTransferBytes(join(APP_DIST, file)), 0);
    expect(total).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it('ships no server-side secret to the browser', () => {
    const files = readdirSync(APP_DIST).filter((file) => /\.(js|html|json)$/.test(file));
    expect(files.length).toBeGreaterThan(2);
    const leaking = files.filter((file) => readFileSync(join(APP_DIST, file), 'utf8').includes(MANAGEMENT_CLIENT.secret));
    expect(leaking).toEqual([]);
  });
});
