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

export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'profile-api' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
