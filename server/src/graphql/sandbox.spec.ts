import { isSandboxHost } from './sandbox';

describe('isSandboxHost', () => {
  it.each(['localhost', 'localhost:4000', 'LOCALHOST:4000', '127.0.0.1:4000', '[::1]:4000', '[::1]'])('accepts %s', (host) => {
    expect(isSandboxHost(host)).toBe(true);
  });

  it.each([undefined, '', ':4000', 'evil.example', 'localhost.evil.example', 'evil.localhost', 'localhost:4000@evil.example', 'localhost:x', '127.0.0.2', '::1'])(
    'refuses %s',
    (host) => {
      expect(isSandboxHost(host)).toBe(false);
    },
  );

  it('takes the allowed names from its argument', () => {
    expect(isSandboxHost('dev.internal:4000', ['dev.internal'])).toBe(true);
    expect(isSandboxHost('localhost:4000', ['dev.internal'])).toBe(false);
  });
});
