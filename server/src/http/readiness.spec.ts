import type { ReadinessState } from '../health/instance-health';
import { readiness } from './readiness';

const allOk: ReadinessState = { phase: 'serving', signingKeysLoaded: true, redis: 'ok', jwks: 'ok', managementToken: 'ok' };
const dependencies = { redis: 'ok', jwks: 'ok', managementToken: 'ok' };

describe('readiness', () => {
  it('is 200 ok when serving with every dependency up', () => {
    expect(readiness(allOk)).toEqual({ statusCode: 200, body: { status: 'ok', dependencies } });
  });

  it('stays 200 but degraded when a shared dependency is down, reporting which', () => {
    for (const down of [{ redis: 'down' }, { jwks: 'down' }, { managementToken: 'down' }] as const) {
      expect(readiness({ ...allOk, ...down })).toEqual({ statusCode: 200, body: { status: 'degraded', dependencies: { ...dependencies, ...down } } });
    }
  });

  it('counts Redis "disabled" (no REDIS_URL) as nothing missing', () => {
    expect(readiness({ ...allOk, redis: 'disabled' }).body.status).toBe('ok');
  });

  it('is 503 while starting, while the signing keys were never loaded, and while draining', () => {
    expect(readiness({ ...allOk, phase: 'starting' })).toMatchObject({ statusCode: 503, body: { status: 'starting' } });
    expect(readiness({ ...allOk, signingKeysLoaded: false, jwks: 'down' })).toMatchObject({ statusCode: 503, body: { status: 'starting' } });
    expect(readiness({ ...allOk, phase: 'draining' })).toMatchObject({ statusCode: 503, body: { status: 'draining' } });
  });
});
