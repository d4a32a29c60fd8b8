// Mutation run of the second outside probe's fixes (input rules, one-field PATCHes, blocked users,
// the Management token's renewal on a 401, strict base64url tokens, the query-size limit and the
// sized document store), each mutant tested by the specs that exercise them:
//   npx stryker run stryker.probe-fixes.config.mjs
// profile-shape is mapped to its source so that its mutants (in the sandbox copy) are the code the
// server's specs load, not the workspace link to the original.
import base from './stryker.config.mjs';

const specs = [
  'test/profile-metadata.spec.ts',
  'src/profile/profile.service.spec.ts',
  'src/graphql/document-store.spec.ts',
  'test/token-encoding.spec.ts',
  'test/key-rotation.spec.ts',
  'test/blocked-user.spec.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jest: {
    ...base.jest,
    config: {
      ...base.jest.config,
      testMatch: specs.map((spec) => `<rootDir>/${spec}`),
      moduleNameMapper: { '^profile-shape$': '<rootDir>/../profile-shape/src/index.ts', '^profile-shape/(.*)$': '<rootDir>/../profile-shape/$1' },
    },
  },
  mutate: [
    'profile-shape/src/text.ts',
    'profile-shape/src/email.ts',
    'server/src/profile/profile-metadata.ts',
    'server/src/profile/blocked.ts',
    'server/src/auth0/management-token.ts',
    'server/src/auth/access-token.ts',
    'server/src/graphql/document-store.ts',
  ],
  ignorePatterns: [...base.ignorePatterns, 'profile-shape/node_modules'],
  incrementalFile: 'reports/stryker-incremental.probe-fixes.json',
  jsonReporter: { fileName: 'reports/mutation/probe-fixes.json' },
  htmlReporter: { fileName: 'reports/mutation/probe-fixes.html' },
};
