/**
 * A real SMTP server (smtp-server) on a loopback port that keeps every message it accepts,
 * parsed by mailparser. Tests point `SMTP_URL` at it and read the mails the API and the tenant
 * send; the dev inbox (`mail-inbox.ts`) shows the same store in a browser.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface CaughtMail {
  id: number;
  from: string;
  /** Envelope recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: Date;
}

export interface MailCatcherOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Messages kept; the oldest go first. Default 500. */
  maxMessages?: number;
}

/** How the next recipients are refused: a 4xx code is temporary (a sender retries), 5xx permanent. */
export interface Refusal {
  code: number;
  times: number;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:PORT`, what SMTP_URL should be. */
  url: string;
  port: number;
  messages(): CaughtMail[];
  mailsTo(address: string): CaughtMail[];
  /** The first mail to `address` whose id is above `afterId` (default: any), waiting up to timeoutMs. */
  waitForMail(address: string, options?: { afterId?: number; timeoutMs?: number }): Promise<CaughtMail>;
  /** The id of the newest mail (0 when none): pass it as `afterId` to wait for the next one. */
  lastId(): number;
  /** The next `times` recipients are refused with `code`. */
  refuse(refusal: Refusal): void;
  /** Forgets every message and refusal. */
  clear(): void;
  /** Told of each new message. */
  onMessage(listener: (mail: CaughtMail) => void): void;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

function addressOf(address: SMTPServerAddress | false): string {
  return address ? address.address.toLowerCase() : '';
}

class MailStore {
  private mails: CaughtMail[] = [];
  private nextId = 1;
  private listeners: ((mail: CaughtMail) => void)[] = [];
  refusal: Refusal | null = null;

  constructor(private readonly maxMessages: number) {}

  add(mail: Omit<CaughtMail, 'id'>): void {
    const caught = { ...mail, id: this.nextId++ };
    this.mails.push(caught);
    if (this.mails.length > this.maxMessages) this.mails.shift();
    for (const listener of this.listeners) listener(caught);
  }

  all = () => [...this.mails];
  lastId = () => this.nextId - 1;
  listen = (listener: (mail: CaughtMail) => void) => this.listeners.push(listener);
  unlisten = (listener: (mail: CaughtMail) => void) => (this.listeners = this.listeners.filter((l) => l !== listener));

  clear(): void {
    this.mails = [];
    this.refusal = null;
  }

  /** The error for the next recipient, while a refusal lasts. */
  takeRefusal(): Error | null {
    const refusal = this.refusal;
    if (!refusal || refusal.times <= 0) return null;
    refusal.times -= 1;
    const error = new Error(refusal.code < 500 ? 'Try again later' : 'Mailbox unavailable');
    return Object.assign(error, { responseCode: refusal.code });
  }
}

function smtpServer(store: MailStore): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    // Like MailDev: any login is taken (over plain SMTP), so SMTP URLs with credentials work too.
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anyone' });
    },
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onRcptTo(_address, _session, callback) {
      callback(store.takeRefusal());
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          store.add({
            from: addressOf(session.envelope.mailFrom),
            to: session.envelope.rcptTo.map(addressOf),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            receivedAt: new Date(),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
}

function waitFor(store: MailStore, address: string, afterId: number, timeoutMs: number): Promise<CaughtMail> {
  const wanted = address.toLowerCase();
  const matches = (mail: CaughtMail) => mail.id > afterId && mail.to.includes(wanted);
  const found = store.all().find(matches);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const listener = (mail: CaughtMail) => {
      if (!matches(mail)) return;
      clearTimeout(timer);
      store.unlisten(listener);
      resolve(mail);
    };
    const timer = setTimeout(() => {
      store.unlisten(listener);
      reject(new Error(`no mail to ${address} within ${timeoutMs} ms`));
    }, timeoutMs);
    store.listen(listener);
  });
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const store = new MailStore(options.maxMessages ?? 500);
  const server = smtpServer(store);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${port}`,
    port,
    messages: store.all,
    mailsTo: (address) => store.all().filter((mail) => mail.to.includes(address.toLowerCase())),
    waitForMail: (address, { afterId = 0, timeoutMs = 5000 } = {}) => waitFor(store, address, afterId, timeoutMs),
    lastId: store.lastId,
    refuse: (refusal) => (store.refusal = { ...refusal }),
    clear: () => store.clear(),
    onMessage: (listener) => void store.listen(listener),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A catcher and what `start` starts mailing to it (a tenant, a stack, a fleet); close() stops both. */
export async function withMailCatcher<T extends { close(): Promise<void> }>(start: (catcher: MailCatcher) => Promise<T>): Promise<T & { catcher: MailCatcher }> {
  const catcher = await startMailCatcher();
  const running = await start(catcher).catch(async (error: unknown) => {
    await catcher.close();
    throw error;
  });
  return {
    ...running,
    catcher,
    async close() {
      await running.close();
      await catcher.close();
    },
  };
}

/** The link in a mail's text that starts with `prefix`. */
export function linkIn(mail: CaughtMail, prefix: string): string {
  const start = mail.text.indexOf(prefix);
  if (start < 0) throw new Error(`mail "${mail.subject}" to ${mail.to.join(', ')} has no link starting with ${prefix}`);
  return /^\S+/.exec(mail.text.slice(start))![0];
}
