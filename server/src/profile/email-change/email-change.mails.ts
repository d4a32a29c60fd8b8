import type { OutgoingMail } from '../../mail/mailer';
import { mailTime, renderMail } from '../../mail/template';

/** To the NEW address: the link that proves it. The current address is not named (a mistyped address would reveal it to a stranger). */
export function confirmNewEmailMail(to: string, link: string, expiresAt: Date): OutgoingMail {
  return renderMail({
    to,
    subject: 'Confirm your new email address',
    paragraphs: [
      `Someone asked to use ${to} as the email address of their profile account.`,
      `Nothing changes until the link below is followed by the signed-in account holder. It works once, until ${mailTime(expiresAt)}.`,
    ],
    action: { label: 'Confirm this address', url: link },
    footer: ['If you did not ask for this, ignore this mail: your address will not be used.'],
  });
}

/** To the OLD address, after the switch: what changed, when, and what to do if it was not them. */
export function emailChangedNoticeMail(to: string, newEmail: string, changedAt: Date): OutgoingMail {
  return renderMail({
    to,
    subject: 'The email address of your account was changed',
    paragraphs: [
      `The email address of your profile account was changed from ${to} to ${newEmail} on ${mailTime(changedAt)}.`,
      'The change was made after a recent sign-in and confirmed from a link mailed to the new address. Sign-ins and password resets now use the new address.',
    ],
    footer: [
      'If you made this change, there is nothing to do.',
      'If you did not, someone else may control your account: contact the app\'s support at once, and change the password of this mailbox and of any account that shares it.',
    ],
  });
}
