import { parseRuntimeConfig } from './runtime-config';

const valid = {
  auth0: { domain: 'http://localhost:4400', clientId: 'local-spa', audience: 'https://profile-api.local' },
  apiUrl: 'http://localhost:4000/graphql',
  session: 'memory',
};

describe('parseRuntimeConfig', () => {
  it('accepts the committed local configuration', () => {
    expect(parseRuntimeConfig(valid)).toEqual(valid);
  });

  it('names the missing key', () => {
    expect(() => parseRuntimeConfig({ ...valid, auth0: { ...valid.auth0, clientId: '' } })).toThrow(
      'config.json: "auth0.clientId" must be a non-empty string',
    );
    expect(() => parseRuntimeConfig({ apiUrl: valid.apiUrl })).toThrow('"auth0" must be an object');
  });

  it('keeps tokens in memory unless config.json asks for localstorage', () => {
    const { session: _omitted, ...withoutSession } = valid;
    expect(parseRuntimeConfig(withoutSession).session).toBe('memory');
    expect(parseRuntimeConfig({ ...valid, session: 'localstorage' }).session).toBe('localstorage');
    expect(() => parseRuntimeConfig({ ...valid, session: 'cookie' })).toThrow(
      'config.json: "session" must be one of "memory", "localstorage" (default "memory")',
    );
  });

  it('requires an absolute API URL', () => {
    expect(() => parseRuntimeConfig({ ...valid, apiUrl: '/graphql' })).toThrow(/absolute http\(s\) URL/);
  });
});
