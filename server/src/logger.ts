import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

/** Paths never written, whatever object ends up in a log line. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.headers.authorization',
  'authorization',
  '*.authorization',
  'access_token',
  '*.access_token',
  'token',
  '*.token',
  'client_secret',
  '*.client_secret',
  'managementClientSecret',
  '*.managementClientSecret',
];

/**
 * Logs go to stdout asynchronously: lines written while a write is in flight are batched into
 * the next one instead of one blocking write per request (pino flushes what is left at exit).
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const sink = destination ?? pino.destination({ dest: 1, sync: false });
  return pino({ level, base: { service: 'profile-api' }, redact: { paths: REDACT, censor: '[redacted]' } }, sink);
}
