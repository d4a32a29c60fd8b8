// Browser flows take seconds, not milliseconds. Set here rather than as `testTimeout` in
// jest.config.js, which jest ignores when the root config runs this folder as a project.
jest.setTimeout(60_000);
