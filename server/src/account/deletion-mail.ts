import type { OutgoingMail } from '../mail/mailer';
import { renderMail } from '../mail/template';

/** The notice sent to the address of an account once it is deleted. */
export function deletionMail(email: string, deletedAt: Date): OutgoingMail {
  return renderMail({
    to: email,
    subject: 'Your account has been deleted',
    paragraphs: [
      `The account ${email} was deleted on ${deletedAt.toUTCString()}, as asked from its profile page after a fresh sign-in.`,
      'Its profile, its sign-in identities and everything the identity service kept about it are gone; signing in with this address no longer works.',
    ],
    footer: ['If you did not ask for this, someone signed in as you: reply to this mail so we can look into it.'],
  });
}
