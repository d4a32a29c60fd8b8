import { createHash, randomBytes } from 'node:crypto';
import { Router } from 'express';
import { errorPage, escapeHtml, messagePage } from '../oidc/pages';
import type { StoredUser } from '../state/types';
import type { TenantMailer } from './mailer';
import type { Tenant } from '../tenant';

/** Auth0's default lifetime of an email verification link: 5 days. */
const TICKET_LIFETIME_MS = 5 * 24 * 3600 * 1000;

const hashOf = (ticket: string) => createHash('sha256').update(ticket).digest('base64url');

function forgetExpired(tenant: Tenant): void {
  const tickets = (tenant.state.emailVerifications ??= {});
  const now = Date.now();
  for (const [hash, ticket] of Object.entries(tickets)) if (Date.parse(ticket.expiresAt) < now) delete tickets[hash];
}

/** The mail Auth0 sends for `verify_email: true`: a single-use link that marks this address verified. */
export async function sendVerificationMail(tenant: Tenant, mailer: TenantMailer, user: StoredUser): Promise<void> {
  forgetExpired(tenant);
  const ticket = randomBytes(32).toString('base64url');
  tenant.state.emailVerifications![hashOf(ticket)] = {
    userId: user.user_id,
    email: user.email,
    expiresAt: new Date(Date.now() + TICKET_LIFETIME_MS).toISOString(),
  };
  tenant.store.save();
  const link = `${tenant.url}/u/email-verification?ticket=${ticket}#`;
  await mailer.send({
    to: user.email,
    subject: 'Verify your email',
    text: `Welcome to the profile app!\n\nPlease verify your account by following this link:\n${link}\n\nIf you are having any issues with your account, please reply to this mail.\n`,
    html: `<p>Welcome to the profile app!</p><p>Please verify your account by clicking the link below.</p><p><a href="${escapeHtml(link)}">Verify your account</a></p><p>Or paste this address into your browser: ${escapeHtml(link)}</p>`,
  });
}

type Outcome = { ok: true } | { ok: false; message: string };

/** Spends the ticket: the user's address is verified if it is still the one the mail went to. */
function verify(tenant: Tenant, ticket: unknown): Outcome {
  if (typeof ticket !== 'string' || ticket.length > 200) return { ok: false, message: 'This verification link is not valid.' };
  const tickets = tenant.state.emailVerifications ?? {};
  const hash = hashOf(ticket);
  const record = tickets[hash];
  if (!record) return { ok: false, message: 'This URL can be used only once' };
  delete tickets[hash];
  tenant.store.save();
  const user = tenant.user(record.userId);
  if (Date.parse(record.expiresAt) < Date.now()) return { ok: false, message: 'Access expired.' };
  if (!user || user.email !== record.email) return { ok: false, message: 'This link was sent to an address the account no longer has.' };
  user.email_verified = true;
  user.updated_at = tenant.nextTimestamp();
  tenant.store.save();
  return { ok: true };
}

/** `GET /u/email-verification?ticket=…`: where the verification mail's link leads. */
export function emailVerificationRouter(tenant: Tenant): Router {
  const router = Router();
  router.get('/u/email-verification', (req, res) => {
    const outcome = verify(tenant, req.query.ticket);
    res.set({ 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' }).type('html');
    if (outcome.ok) res.send(messagePage('Email verified', 'Your email was verified. You can now log in.'));
    else res.status(400).send(errorPage('Email not verified', outcome.message));
  });
  return router;
}
