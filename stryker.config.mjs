// Mutation testing of the server's rules (npm run mutation; minutes, not part of .ci/run).
// The server's jest project runs against each mutant, without the 30 s load-and-consistency run,
// the replica suites (real redis-server processes; shared-state is not mutated) and the metadata CLI's.
// Reports: reports/mutation/mutation.html; reports/stryker-incremental.json lets a re-run test only
// the mutants whose code or tests changed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'server/jest.config.js',
    config: {
      testPathIgnorePatterns: ['/node_modules/', '/test/hardening/load-consistency\\.spec\\.ts$', '/test/replicas/', '/metadata-cli/'],
    },
    enableFindRelatedTests: false,
  },
  mutate: [
    'server/src/auth/**/*.ts',
    'server/src/profile/**/*.ts',
    'server/src/auth0/**/*.ts',
    'server/src/graphql/errors.ts',
    '!**/*.spec.ts',
  ],
  // The API's tests parse the app's committed operations (client/src/app/graphql); nothing else of client/.
  ignorePatterns: ['client/**', '!client/src/app/graphql/**', 'e2e', 'bench', '.angular', 'reports', 'coverage', '.local-auth0'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would each rerun the whole suite (~90 s here); the
  // ones that matter (the email pattern, the verifier's defaults) have tests of their own.
  ignoreStatic: true,
  incremental: true,
  // Two cores shared with other work: the suites start real servers, so run few at once, with slack.
  concurrency: 2,
  timeoutMS: 15_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
