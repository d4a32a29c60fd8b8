import { Writable } from 'node:stream';
import { chooseLogFormat, loadConfig } from '../src/config';
import { stdoutFor } from '../src/logger';

describe('chooseLogFormat', () => {
  it.each([
    ['development', true, 'pretty'],
    ['development', false, 'json'],
    ['production', true, 'json'],
    ['production', false, 'json'],
    ['test', true, 'json'],
    ['test', false, 'json'],
  ] as const)('NODE_ENV=%s, stdout a terminal: %s -> %s', (env, tty, format) => {
    expect(chooseLogFormat(env, tty)).toBe(format);
  });
});

describe('loadConfig: logFormat', () => {
  it('is pretty in development when stdout is a terminal, JSON when it is not', () => {
    expect(loadConfig({ NODE_ENV: 'development' }, true).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development' }, false).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'test' }, true).logFormat).toBe('json');
  });

  it('takes LOG_FORMAT when set (npm start pipes the API, so it passes its own terminal on), and refuses other values', () => {
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT/);
  });
});

describe('stdoutFor', () => {
  it('gives pino-pretty a stream for pretty, and a batched JSON destination otherwise', () => {
    const pretty = stdoutFor('pretty');
    const json = stdoutFor('json');
    expect(pretty).toBeInstanceOf(Writable);
    expect(json.constructor.name).toBe('SonicBoom');
  });
});
