// Shared jest settings for the Node workspaces: TypeScript through ts-jest (transpile only,
// `npm run typecheck` does the type checking), and jose's ESM-only build transformed too.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          allowJs: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          esModuleInterop: true,
          isolatedModules: true,
        },
        diagnostics: false,
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Unit specs beside the code (src/) open no sockets: one that does fails.
  setupFilesAfterEnv: [require.resolve('./test-support/src/unit-specs-open-no-sockets.ts')],
};
