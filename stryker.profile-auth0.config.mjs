// Mutation run of server/src/profile and server/src/auth0 only, each mutant tested by the specs that
// exercise those folders (minutes instead of the whole server suite):
//   npx stryker run stryker.profile-auth0.config.mjs
import base from './stryker.config.mjs';

const specs = [
  'src/profile/**/*.spec.ts',
  'src/auth0/**/*.spec.ts',
  'test/tenant-fetch.spec.ts',
  'test/local-tokens.spec.ts',
  'test/profile.spec.ts',
  'test/profile-metadata.spec.ts',
  'test/legacy-aliases.spec.ts',
  'test/email-change.spec.ts',
  'test/cache-coherence.spec.ts',
  'test/last-known.spec.ts',
  'test/upstream*.spec.ts',
  'test/response-cache.spec.ts',
  'test/hardening/upstream-*.spec.ts',
  'test/hardening/input.spec.ts',
  'test/hardening/stored-values.spec.ts',
  'test/hardening/caching-and-limits.spec.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jest: { ...base.jest, config: { ...base.jest.config, testMatch: specs.map((spec) => `<rootDir>/${spec}`) } },
  mutate: ['server/src/profile/**/*.ts', 'server/src/auth0/**/*.ts', '!**/*.spec.ts'],
  incrementalFile: 'reports/stryker-incremental.profile-auth0.json',
  jsonReporter: { fileName: 'reports/mutation/profile-auth0.json' },
  htmlReporter: { fileName: 'reports/mutation/profile-auth0.html' },
};
