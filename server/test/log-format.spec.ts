import { spawn } from 'node:child_process';
import { join } from 'node:path';
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
  it('gives pino-pretty a stream for pretty, and a batched JSON destination otherwise', async () => {
    const pretty = await stdoutFor('pretty');
    const json = await stdoutFor('json');
    expect(pretty).toBeInstanceOf(Writable);
    expect(json.constructor.name).toBe('SonicBoom');
  });
});

describe('the API in a terminal', () => {
  /** Runs the real server/src/main.ts under script(1), which gives it a pseudo-terminal as stdout. */
  function firstLinesInATerminal(env: Record<string, string>): Promise<string> {
    const command = `${process.execPath} --import tsx server/src/main.ts`;
    const { LOG_FORMAT: _unset, ...inherited } = process.env;
    const child = spawn('script', ['-qfc', command, '/dev/null'], {
      cwd: join(__dirname, '../..'),
      env: { ...inherited, NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'info', AUTH0_DOMAIN: 'http://localhost:9', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line in 20 s: ${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('profile API listening')) {
          clearTimeout(timer);
          resolve(output);
        }
      });
    }).finally(() => process.kill(-child.pid!, 'SIGKILL'));
  }

  it('writes pretty lines in development, JSON in production', async () => {
    const pretty = await firstLinesInATerminal({});
    expect(pretty).toMatch(/\] .*INFO.*: .*profile API listening/);
    expect(pretty).not.toContain('{"level"');
    const json = await firstLinesInATerminal({ NODE_ENV: 'production', AUTH0_MANAGEMENT_CLIENT_ID: 'id', AUTH0_MANAGEMENT_CLIENT_SECRET: 'secret', AUTH0_DOMAIN: 'tenant.example.com', CORS_ORIGINS: 'https://app.example.com' });
    expect(json).toContain('"msg":"profile API listening"');
  }, 60_000);
});
