// End-to-end: the built Angular app in Debian's Chromium against the local tenant and the API,
// all started in-process on ephemeral ports by each test file (so files run in parallel).
/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.preset'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  testTimeout: 60_000,
  // A browser, a tenant, an API and a static server per file: keep the machine breathing.
  maxWorkers: 2,
};
