import type { OutgoingMail } from './mailer';
import { escapeHtml } from '../escape-html';

/** A mail as words: a heading, paragraphs, and at most one link to follow. */
export interface MailContent {
  to: string;
  subject: string;
  /** Plain sentences; never markup (they are escaped in the HTML body). */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the rest (e.g. "if this was not you"). */
  footer?: string[];
}


function textBody(content: MailContent): string {
  const parts = [...content.paragraphs];
  if (content.action) parts.push(`${content.action.label}:\n${content.action.url}`);
  if (content.footer?.length) parts.push(...content.footer);
  return `${parts.join('\n\n')}\n`;
}

const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;

function htmlBody(content: MailContent): string {
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1f4fd1;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>` +
      paragraph(`Or paste this address into your browser: ${content.action.url}`)
    : '';
  const footer = (content.footer ?? []).map((line) => `<p style="margin:0 0 8px;color:#555;font-size:13px">${escapeHtml(line)}</p>`).join('');
  return [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:560px">',
    `<h1 style="font-size:20px">${escapeHtml(content.subject)}</h1>`,
    content.paragraphs.map(paragraph).join(''),
    action,
    footer ? `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">${footer}` : '',
    '</body></html>',
  ].join('');
}

/** The text and HTML bodies of one mail, from the same words. */
export function renderMail(content: MailContent): OutgoingMail {
  return { to: content.to, subject: content.subject, text: textBody(content), html: htmlBody(content) };
}

/** `2026-12-04 09:30 UTC`: a time every reader reads the same way. */
export function mailTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
