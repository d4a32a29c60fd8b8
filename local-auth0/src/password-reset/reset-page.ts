import { Router, type Request, type Response } from 'express';
import { isForeignBrowserRequest } from '../http/cross-site';
import { errorPage, escapeHtml, page } from '../oidc/pages';
import { revokeUserRefreshTokens } from '../oidc/refresh-tokens';
import { hashPassword } from '../passwords';
import type { Tenant } from '../tenant';
import { passwordProblem, POLICY_TEXT } from './password-policy';

const RESET_PATH = '/u/reset-password';
const PASSWORD_CHANGED = 'Password changed';
const LINK_UNUSABLE = 'This link has expired or was already used. Ask for a new password reset mail.';
const MAX_TICKET_LENGTH = 100;

function resetForm(ticket: string, email: string, error?: string): string {
  return page(
    'Reset your password | local tenant',
    `<h1>Reset your password</h1><p class="note">for ${escapeHtml(email)}</p>
${error ? `<p id="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${RESET_PATH}"><input type="hidden" name="ticket" value="${escapeHtml(ticket)}">
<label for="password">New password</label><input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="policy">
<p id="policy" class="note">${escapeHtml(POLICY_TEXT)}</p>
<label for="confirm">Confirm new password</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">Reset password</button></form>`,
  );
}

// The ticket is in the URL: no referrer to other sites, no cache, no framing. (`no-referrer` would
// also make the browser send `Origin: null` with the form, which the cross-site check refuses.)
function send(res: Response, status: number, html: string): void {
  res.status(status).set({ 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' }).type('html').send(html);
}

const field = (req: Request, name: string) => {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

const ticketOf = (value: unknown) => (typeof value === 'string' && value.length <= MAX_TICKET_LENGTH ? value : '');

/** Sets the new password at once, revokes the user's refresh tokens and lifts a brute-force block, as Auth0 does. */
async function changePassword(tenant: Tenant, userId: string, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  const user = tenant.user(userId);
  if (!user) return false;
  user.password_hash = hash;
  user.updated_at = tenant.nextTimestamp();
  tenant.store.save();
  revokeUserRefreshTokens(tenant, userId);
  tenant.bruteForce.unblock(user.email);
  return true;
}

/** The page behind the link of the reset mail: a single-use ticket, the connection's password policy. */
export function resetPageRouter(tenant: Tenant): Router {
  const router = Router();
  router.get(RESET_PATH, (req, res) => {
    const ticket = ticketOf(req.query.ticket);
    const userId = ticket ? tenant.resetTickets.peek(ticket) : undefined;
    const user = userId ? tenant.user(userId) : undefined;
    if (!user) return send(res, 400, errorPage('Link unusable', LINK_UNUSABLE));
    send(res, 200, resetForm(ticket, user.email));
  });
  router.post(RESET_PATH, async (req, res) => {
    if (isForeignBrowserRequest(tenant, req)) return send(res, 403, errorPage('Refused', 'This form was not sent from the reset page.'));
    const ticket = ticketOf(field(req, 'ticket'));
    const userId = ticket ? tenant.resetTickets.peek(ticket) : undefined;
    const user = userId ? tenant.user(userId) : undefined;
    if (!userId || !user) return send(res, 400, errorPage('Link unusable', LINK_UNUSABLE));
    const password = field(req, 'password');
    const problem = password !== field(req, 'confirm') ? 'The two passwords differ.' : passwordProblem(password);
    if (problem) return send(res, 400, resetForm(ticket, user.email, problem));
    // Spent before the only await, so two submissions of one link cannot both change the password.
    if (tenant.resetTickets.consume(ticket) !== userId || !(await changePassword(tenant, userId, password))) {
      return send(res, 400, errorPage('Link unusable', LINK_UNUSABLE));
    }
    send(res, 200, page(PASSWORD_CHANGED, `<h1>${PASSWORD_CHANGED}</h1><p role="status">You can now log in with your new password.</p>`));
  });
  return router;
}
