// The API's mailer against a real SMTP server: both bodies arrive, a temporary refusal (4xx) is
// retried, a permanent one (5xx) is not, and a server that is not there is reported, not thrown raw.
import { createServer } from 'node:net';
import { MailNotSentError } from '../src/mail/mail.errors';
import { createMailer, isTemporaryMailError } from '../src/mail/mailer';
import { renderMail } from '../src/mail/template';
import { startMailCatcher, type MailCatcher } from './support/mail-catcher';

let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(() => catcher.close());
beforeEach(() => catcher.clear());

const mail = renderMail({
  to: 'Ada@Example.com',
  subject: 'Confirm <this>',
  paragraphs: ['Someone asked for "this" & that.'],
  action: { label: 'Confirm', url: 'http://localhost:4200/x?token=a&b=1' },
  footer: ['Not you? Ignore this mail.'],
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('the mailer', () => {
  it('delivers the text and the HTML body, escaped, from MAIL_FROM', async () => {
    const mailer = createMailer({ smtpUrl: catcher.url, from: '"Profile" <no-reply@profile.test>' });
    await mailer.send(mail);
    mailer.close();
    const [caught] = catcher.mailsTo('ada@example.com');
    expect(caught).toMatchObject({ from: 'no-reply@profile.test', subject: 'Confirm <this>' });
    expect(caught!.text).toBe('Someone asked for "this" & that.\n\nConfirm:\nhttp://localhost:4200/x?token=a&b=1\n\nNot you? Ignore this mail.\n');
    expect(caught!.html).toContain('<h1 style="font-size:20px">Confirm &lt;this&gt;</h1>');
    expect(caught!.html).toContain('Someone asked for &quot;this&quot; &amp; that.');
    expect(caught!.html).toContain('href="http://localhost:4200/x?token=a&amp;b=1"');
  });

  it('tries again after a temporary refusal (451) and gets through', async () => {
    catcher.refuse({ code: 451, times: 2 });
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', backoffMs: 10 });
    await mailer.send(mail);
    mailer.close();
    expect(catcher.mailsTo('ada@example.com')).toHaveLength(1);
  });

  it('gives up after the last try of a temporary refusal, saying it was temporary', async () => {
    catcher.refuse({ code: 451, times: 5 });
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', attempts: 2, backoffMs: 10 });
    const error = await mailer.send(mail).catch((e: unknown) => e);
    mailer.close();
    expect(error).toBeInstanceOf(MailNotSentError);
    expect(error).toMatchObject({ temporary: true, name: 'MailNotSentError' });
    expect(catcher.messages()).toHaveLength(0);
  });

  it('does not retry a permanent refusal (550)', async () => {
    catcher.refuse({ code: 550, times: 1 });
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', backoffMs: 10 });
    const error = await mailer.send(mail).catch((e: unknown) => e);
    expect(error).toMatchObject({ temporary: false, message: 'The mail server refused the mail' });
    // One refusal was used: the next mail goes through.
    await mailer.send(mail);
    mailer.close();
    expect(catcher.messages()).toHaveLength(1);
  });

  it('reports a server that is not listening as a temporary failure', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: 'a@b.test', attempts: 2, backoffMs: 10 });
    const error = await mailer.send(mail).catch((e: unknown) => e);
    mailer.close();
    expect(error).toMatchObject({ name: 'MailNotSentError', temporary: true });
  });
});

describe('isTemporaryMailError', () => {
  it.each([
    [{ responseCode: 421 }, true],
    [{ responseCode: 451 }, true],
    [{ responseCode: 499 }, true],
    [{ responseCode: 500 }, false],
    [{ responseCode: 550 }, false],
    [{ responseCode: 399 }, false],
    [{ code: 'ECONNECTION' }, true],
    [{ code: 'ETIMEDOUT' }, true],
    [{ code: 'ESOCKET' }, true],
    [{ code: 'EDNS' }, true],
    [{ code: 'EAUTH' }, false],
    [{}, false],
    [null, false],
  ])('%j -> %s', (error, temporary) => {
    expect(isTemporaryMailError(error)).toBe(temporary);
  });
});
