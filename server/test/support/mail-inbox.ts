/**
 * The development inbox `npm start` runs: the mail catcher's SMTP server plus a small web page
 * listing what it caught (newest first), each mail's text and HTML, and `/api/messages` as JSON.
 * Loopback only; it holds mails with live sign-in links.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMailCatcher, type CaughtMail, type MailCatcher } from 'test-support/mail-catcher';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
/** Links in a text body, made clickable after escaping. */
const linkify = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

const STYLE = 'body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}td,th{padding:.3rem .8rem;text-align:left}tr:nth-child(even){background:#f4f4f4}pre{white-space:pre-wrap;background:#f8f8f8;padding:1rem}iframe{width:100%;height:28rem;border:1px solid #ccc}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

function listPage(mails: CaughtMail[]): string {
  const rows = [...mails]
    .reverse()
    .map((m) => `<tr><td>${escapeHtml(m.receivedAt.toISOString().slice(11, 19))}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`)
    .join('');
  const table = rows ? `<table><tr><th>UTC</th><th>To</th><th>Subject</th></tr>${rows}</table>` : '<p>No mail yet. Mails the API and the local tenant send show up here.</p>';
  return page('Mail inbox', `<h1>Mail inbox (development)</h1><p><a href="/">Refresh</a></p>${table}`);
}

function messagePage(mail: CaughtMail): string {
  const html = mail.html ? `<h2>HTML</h2><iframe sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcdoc="${escapeHtml(mail.html)}"></iframe>` : '';
  return page(
    mail.subject,
    `<p><a href="/">&larr; Inbox</a></p><h1>${escapeHtml(mail.subject)}</h1><p>From ${escapeHtml(mail.from)} to ${escapeHtml(mail.to.join(', '))}, ${escapeHtml(mail.receivedAt.toISOString())}</p><h2>Text</h2><pre>${linkify(mail.text)}</pre>${html}`,
  );
}

function answer(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-frame-options': 'DENY' }).end(body);
}

function handler(catcher: MailCatcher) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return answer(res, 405, 'text/plain', 'GET only');
    if (path === '/') return answer(res, 200, 'text/html', listPage(catcher.messages()));
    if (path === '/api/messages') return answer(res, 200, 'application/json', JSON.stringify(catcher.messages()));
    const id = /^\/messages\/(\d{1,9})$/.exec(path ?? '')?.[1];
    const mail = id === undefined ? undefined : catcher.messages().find((m) => m.id === Number(id));
    if (mail) return answer(res, 200, 'text/html', messagePage(mail));
    answer(res, 404, 'text/plain', 'Not found');
  };
}

export interface MailInbox {
  smtpUrl: string;
  webUrl: string;
  catcher: MailCatcher;
  close(): Promise<void>;
}

export async function startMailInbox(options: { smtpPort?: number; webPort?: number } = {}): Promise<MailInbox> {
  const catcher = await startMailCatcher({ port: options.smtpPort ?? 0 });
  const web = createServer(handler(catcher));
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(options.webPort ?? 0, '127.0.0.1', () => resolve());
  });
  const webPort = (web.address() as AddressInfo).port;
  return {
    smtpUrl: catcher.url,
    webUrl: `http://127.0.0.1:${webPort}`,
    catcher,
    async close() {
      await new Promise((resolve) => web.close(resolve));
      await catcher.close();
    },
  };
}
