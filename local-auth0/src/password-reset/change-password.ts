import type { Request, RequestHandler } from 'express';
import { OAuthError } from '../http/errors';
import type { TenantMailer } from '../mail/mailer';
import { isDatabaseUser } from '../management/user-view';
import type { Tenant } from '../tenant';
import { resetMail } from './reset-mail';

/** Auth0's answer, whether or not the address has an account (no enumeration). */
const CHANGE_PASSWORD_ANSWER = "We've just sent you an email to reset your password.";
const MAX_EMAIL_LENGTH = 254;

const badRequest = (description: string) => new OAuthError(400, 'invalid_request', description);

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`Missing required parameter: ${name}`);
  return value;
}

/** The tenant's database connections: the connections of its auth0| users. */
function isDatabaseConnection(tenant: Tenant, connection: string): boolean {
  return tenant.state.users.some((user) => user.connection === connection && isDatabaseUser(user));
}

interface ChangePasswordRequest {
  email: string;
  connection: string;
}

function parseRequest(tenant: Tenant, req: Request): ChangePasswordRequest {
  const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
  if (!tenant.client(stringField(body, 'client_id'))) throw new OAuthError(401, 'invalid_client', 'Unknown client.');
  const email = stringField(body, 'email').trim();
  if (email.length > MAX_EMAIL_LENGTH) throw badRequest(`email is longer than ${MAX_EMAIL_LENGTH} characters`);
  const connection = stringField(body, 'connection');
  if (!isDatabaseConnection(tenant, connection)) throw badRequest('connection not found');
  return { email, connection };
}

export interface ChangePasswordDeps {
  tenant: Tenant;
  mailer: TenantMailer;
}

/**
 * `POST /dbconnections/change_password` (JSON or form): `client_id`, `email`, `connection`.
 * Answers 200 with Auth0's plain-text sentence whether or not the address exists; when it does,
 * a single-use reset link is mailed in the background.
 */
export function changePasswordHandler({ tenant, mailer }: ChangePasswordDeps): RequestHandler {
  return (req, res) => {
    const { email, connection } = parseRequest(tenant, req);
    if (!tenant.changePasswordLimit.take(req.socket.remoteAddress ?? '', email, res)) {
      throw new OAuthError(429, 'too_many_requests', 'Too many requests. Try again later.');
    }
    const user = tenant.userByEmail(email);
    if (user && isDatabaseUser(user) && user.connection === connection) {
      const ticket = tenant.resetTickets.issue(user.user_id);
      const link = `${tenant.url}/u/reset-password?ticket=${encodeURIComponent(ticket)}`;
      // In the background, as Auth0 sends its mails: the mailer logs a failure, the caller never sees it.
      void mailer.send(resetMail(user.email, link, tenant.resetTickets.ttlSeconds));
    }
    res.status(200).type('text/plain').send(CHANGE_PASSWORD_ANSWER);
  };
}
