module.exports = { ...require('../jest.preset'), displayName: 'server', rootDir: __dirname };
