const preset = require('../jest.preset');

// openid-client 6 (the conformance test) and its oauth4webapi are ESM-only, like jose: transform them too.
module.exports = {
  ...preset,
  displayName: 'local-auth0',
  rootDir: __dirname,
  transformIgnorePatterns: ['/node_modules/(?!(jose|openid-client|oauth4webapi)/)'],
};
