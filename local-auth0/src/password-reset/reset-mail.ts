import type { TenantMail } from '../mail/mailer';
import { escapeHtml } from '../oidc/pages';

/** The mail Auth0 sends for /dbconnections/change_password: a single-use link to the reset page. */
export function resetMail(to: string, link: string, ttlSeconds: number): TenantMail {
  const hours = Math.round(ttlSeconds / 3600);
  const lifetime = hours >= 48 ? `${Math.round(hours / 24)} days` : hours >= 1 ? `${hours} hours` : `${Math.max(1, Math.round(ttlSeconds / 60))} minutes`;
  const text = [
    'Hello,',
    '',
    'Someone asked to reset the password of your account. To choose a new password, follow this link:',
    '',
    link,
    '',
    `The link works once and expires in ${lifetime}.`,
    'If you did not ask for this, ignore this mail: your password stays as it is.',
  ].join('\n');
  const html = `<p>Hello,</p><p>Someone asked to reset the password of your account. To choose a new password, follow this link:</p>
<p><a href="${escapeHtml(link)}">Reset my password</a></p>
<p>The link works once and expires in ${lifetime}. If you did not ask for this, ignore this mail: your password stays as it is.</p>`;
  return { to, subject: 'Reset your password', text, html };
}
