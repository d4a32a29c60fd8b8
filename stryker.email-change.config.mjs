// Mutation run of the email change, the recent-sign-in check and the mail path only, each mutant
// tested by the specs that exercise them (minutes; the real-stack specs test/email-change*.spec.ts
// would take hours here, so the rules are covered by their unit specs and the mailer by its real
// SMTP spec; the thin resolver is left to the real-stack specs):
//   npx stryker run stryker.email-change.config.mjs
import base from './stryker.config.mjs';

const specs = [
  'src/profile/email-change/**/*.spec.ts',
  'src/auth/recent-sign-in.spec.ts',
  'src/auth/caller.spec.ts',
  'src/profile/profile.service.spec.ts',
  'test/mailer.spec.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jest: { ...base.jest, config: { ...base.jest.config, testMatch: specs.map((spec) => `<rootDir>/${spec}`) } },
  mutate: [
    'server/src/profile/email-change/*.ts',
    'server/src/profile/user-writes.ts',
    'server/src/auth/recent-sign-in.ts',
    'server/src/mail/*.ts',
    // Schema declarations only (names and descriptions, checked against the committed schema by npm run check:generated).
    '!server/src/profile/email-change/email-change.type.ts',
    '!server/src/profile/email-change/email-change.resolver.ts',
    '!**/*.spec.ts',
  ],
  incrementalFile: 'reports/stryker-incremental.email-change.json',
  jsonReporter: { fileName: 'reports/mutation/email-change.json' },
  htmlReporter: { fileName: 'reports/mutation/email-change.html' },
};
