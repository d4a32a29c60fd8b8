import { setTimeout as sleep } from 'node:timers/promises';
import type { NodemailerError, Transporter } from 'nodemailer';
import { MailNotSentError } from './mail.errors';

/** One mail, with both bodies (clients that show no HTML read the text). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Hands the mail to the SMTP server; throws MailNotSentError when it is not taken. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** `smtp://[user:password@]host:port` or `smtps://` (TLS from the start). */
  smtpUrl: string;
  /** The From header, e.g. `"Profile" <no-reply@example.com>`. */
  from: string;
  /** Tries in all, the first one included (default 3). */
  attempts?: number;
  /** Wait before the second try; doubled for each further one (default 250 ms). */
  backoffMs?: number;
  /** Longest wait for the connection, the greeting and each reply (default 5 s). */
  timeoutMs?: number;
  /** Told whether each mail was sent or given up on (metrics: Telemetry.mailResult). */
  onResult?: (sent: boolean) => void;
}

/** Errors from a connection that broke, a timeout, or a 4xx reply: the same mail may go through later. */
const TEMPORARY_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS']);

export function isTemporaryMailError(error: unknown): boolean {
  const failure = error as NodemailerError;
  if (typeof failure?.responseCode === 'number') return failure.responseCode >= 400 && failure.responseCode < 500;
  return typeof failure?.code === 'string' && TEMPORARY_CODES.has(failure.code);
}

/** Nodemailer over SMTP, with a retry on a temporary failure (RFC 5321: 4xx replies are transient). */
export function createMailer(options: MailerOptions): Mailer {
  const timeoutMs = options.timeoutMs ?? 5000;
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 250;
  // Nodemailer is loaded with the first mail: an API that sends none keeps it out of memory.
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport(
        { url: options.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs * 2, logger: false, debug: false },
        { from: options.from },
      ),
    ));
  return {
    async send(mail) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await (await transportOf()).sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
          options.onResult?.(true);
          return;
        } catch (error) {
          const temporary = isTemporaryMailError(error);
          if (!temporary || attempt >= attempts) {
            options.onResult?.(false);
            throw new MailNotSentError(temporary, { cause: error });
          }
          await sleep(backoffMs * 2 ** (attempt - 1));
        }
      }
    },
    close: () => void transport?.then((open) => open.close()),
  };
}
