// The start scripts (`npm start`, `npm run start:replicas`) run for real, as a developer runs them.
/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.preset'),
  displayName: 'scripts',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
};
