// End-to-end: the built Angular app in Debian's Chromium against the local tenant and the API,
// all started in-process on ephemeral ports by each test file (so files run in parallel).
/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.preset'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/support/jest-setup.ts'],
};
