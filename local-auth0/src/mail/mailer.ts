import { createTransport } from 'nodemailer';

export interface TenantMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The tenant's outgoing mail, sent in the background as Auth0 sends its own (a failure is logged, never answered). */
export interface TenantMailer {
  send(mail: TenantMail): Promise<void>;
}

const FROM = '"Local tenant" <no-reply@local-auth0.localhost>';
const TIMEOUT_MS = 5000;

/** Nodemailer over `smtpUrl`; without one, each mail is only logged as not sent. */
export function createTenantMailer(smtpUrl: string | undefined, log: (line: string) => void): TenantMailer {
  if (!smtpUrl) {
    return {
      async send(mail) {
        log(`mail "${mail.subject}" to ${mail.to} not sent: no SMTP_URL configured`);
      },
    };
  }
  const transport = createTransport({ url: smtpUrl, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS }, { from: FROM });
  return {
    async send(mail) {
      try {
        await transport.sendMail(mail);
        log(`mail "${mail.subject}" sent to ${mail.to}`);
      } catch (error) {
        log(`mail "${mail.subject}" to ${mail.to} not sent: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
