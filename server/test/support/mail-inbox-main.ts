// `npm start`'s development mail inbox: SMTP on MAIL_SMTP_PORT (1025), the web page on MAIL_WEB_PORT (1080).
import { startMailInbox } from './mail-inbox';

function port(name: string, fallback: number): number {
  const value = process.env[name];
  const parsed = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  return parsed;
}

startMailInbox({ smtpPort: port('MAIL_SMTP_PORT', 1025), webPort: port('MAIL_WEB_PORT', 1080) }).then(
  (inbox) => {
    console.log(`SMTP on ${inbox.smtpUrl}, inbox on ${inbox.webUrl}`);
    const stop = () => void inbox.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(`mail inbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
