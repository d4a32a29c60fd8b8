module.exports = { ...require('../jest.preset'), displayName: 'local-auth0', rootDir: __dirname };
