/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/local-auth0', '<rootDir>/server', '<rootDir>/client', '<rootDir>/e2e', '<rootDir>/scripts'],
};
