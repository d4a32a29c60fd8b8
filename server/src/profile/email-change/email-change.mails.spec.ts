import { confirmNewEmailMail, emailChangedNoticeMail } from './email-change.mails';

const LINK = 'https://app.example.com/profile/confirm-email?token=abc';

describe('the email change mails', () => {
  it('asks the new address to confirm, with the link and its expiry, without naming the current address', () => {
    const mail = confirmNewEmailMail('ada.new@example.com', LINK, new Date('2026-12-05T10:00:30.000Z'));
    expect(mail.to).toBe('ada.new@example.com');
    expect(mail.subject).toBe('Confirm your new email address');
    expect(mail.text).toBe(
      'Someone asked to use ada.new@example.com as the email address of their profile account.\n\n' +
        'Nothing changes until the link below is followed by the signed-in account holder. It works once, until 2026-12-05 10:00 UTC.\n\n' +
        `Confirm this address:\n${LINK}\n\n` +
        'If you did not ask for this, ignore this mail: your address will not be used.\n',
    );
    expect(mail.html).toContain(`href="${LINK}"`);
  });

  it('tells the old address what changed, when, and what to do if it was not them', () => {
    const mail = emailChangedNoticeMail('ada@example.com', 'ada.new@example.com', new Date('2026-12-04T10:05:59.000Z'));
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toBe('The email address of your account was changed');
    expect(mail.text).toBe(
      'The email address of your profile account was changed from ada@example.com to ada.new@example.com on 2026-12-04 10:05 UTC.\n\n' +
        'The change was made after a recent sign-in and confirmed from a link mailed to the new address. Sign-ins and password resets now use the new address.\n\n' +
        'If you made this change, there is nothing to do.\n\n' +
        "If you did not, someone else may control your account: contact the app's support at once, and change the password of this mailbox and of any account that shares it.\n",
    );
    expect(mail.html).not.toContain('href=');
  });
});
