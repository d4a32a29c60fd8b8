// The API's mailer against a real SMTP server: both bodies arrive, a temporary refusal (4xx) is
// retried, a permanent one (5xx) is not, and a server that is not there is reported, not thrown raw.
import { createServer } from 'node:net';
import { MailNotSentError } from '../src/mail/mail.errors';
import { createMailer, isTemporaryMailError } from '../src/mail/mailer';
import { renderMail } from '../src/mail/template';
import { useRunning } from 'test-support/hooks';
import { startMailCatcher } from 'test-support/mail-catcher';

const catcher = useRunning(startMailCatcher, { reset: (running) => running.clear() });

// Built inside each test (not at load), so each mutant of the template is tested by these tests.
const message = () => renderMail({
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
    await mailer.send(message());
    mailer.close();
    const [caught] = catcher.mailsTo('ada@example.com');
    expect(caught).toMatchObject({ from: 'no-reply@profile.test', subject: 'Confirm <this>' });
    expect(caught!.text).toBe('Someone asked for "this" & that.\n\nConfirm:\nhttp://localhost:4200/x?token=a&b=1\n\nNot you? Ignore this mail.\n');
    expect(caught!.html).toBe(
      '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:560px">' +
        '<h1 style="font-size:20px">Confirm &lt;this&gt;</h1>' +
        '<p style="margin:0 0 16px">Someone asked for &quot;this&quot; &amp; that.</p>' +
        '<p style="margin:24px 0"><a href="http://localhost:4200/x?token=a&amp;b=1" style="background:#1f4fd1;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">Confirm</a></p>' +
        '<p style="margin:0 0 16px">Or paste this address into your browser: http://localhost:4200/x?token=a&amp;b=1</p>' +
        '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="margin:0 0 8px;color:#555;font-size:13px">Not you? Ignore this mail.</p>' +
        '</body></html>',
    );
  });

  it('writes a mail without a link or small print as paragraphs only', async () => {
    const plain = renderMail({ to: 'ada@example.com', subject: "Ada's 'news'", paragraphs: ['One.', 'Two.'] });
    expect(plain.text).toBe('One.\n\nTwo.\n');
    expect(plain.html).toBe(
      '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:560px">' +
        '<h1 style="font-size:20px">Ada&#39;s &#39;news&#39;</h1><p style="margin:0 0 16px">One.</p><p style="margin:0 0 16px">Two.</p></body></html>',
    );
    expect(renderMail({ to: 'a@b.co', subject: 's', paragraphs: ['p'], footer: [] }).html).not.toContain('<hr');
  });

  it('tries again after a temporary refusal (451) and gets through', async () => {
    catcher.refuse({ code: 451, times: 2 });
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', backoffMs: 10 });
    await mailer.send(message());
    mailer.close();
    expect(catcher.mailsTo('ada@example.com')).toHaveLength(1);
  });

  it('gives up after the last try of a temporary refusal, saying it was temporary', async () => {
    catcher.refuse({ code: 451, times: 2 });
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', attempts: 2, backoffMs: 10 });
    const error = await mailer.send(message()).catch((e: unknown) => e);
    mailer.close();
    expect(error).toBeInstanceOf(MailNotSentError);
    expect(error).toMatchObject({ temporary: true, name: 'MailNotSentError', message: 'The mail server did not accept the mail; try again later' });
    expect((error as Error).cause).toMatchObject({ responseCode: 451 });
    expect(catcher.messages()).toHaveLength(0);
  });

  it('does not retry a permanent refusal (550)', async () => {
    catcher.refuse({ code: 550, times: 1 });
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', backoffMs: 10 });
    const error = await mailer.send(message()).catch((e: unknown) => e);
    expect(error).toMatchObject({ temporary: false, message: 'The mail server refused the mail' });
    // One refusal was used: the next mail goes through.
    await mailer.send(message());
    mailer.close();
    expect(catcher.messages()).toHaveLength(1);
  });

  it('tries at least once whatever attempts says', async () => {
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', attempts: 0 });
    await mailer.send(message());
    mailer.close();
    expect(catcher.messages()).toHaveLength(1);
  });

  it('reports each outcome: a failure per failed mail (after its retries), a success per sent one', async () => {
    const outcomes: boolean[] = [];
    catcher.refuse({ code: 451, times: 1 });
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'a@b.test', backoffMs: 10, onResult: (sent) => outcomes.push(sent) });
    await mailer.send(message());
    catcher.refuse({ code: 550, times: 1 });
    await mailer.send(message()).catch(() => undefined);
    mailer.close();
    expect(outcomes).toEqual([true, false]);
  });

  it('gives up on a server that accepts the connection but never greets, within the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'a@b.test', attempts: 1, timeoutMs: 300 });
    const started = Date.now();
    const error = await mailer.send(message()).catch((e: unknown) => e);
    mailer.close();
    silent.close();
    expect(error).toMatchObject({ name: 'MailNotSentError', temporary: true, message: 'The mail server did not accept the mail; try again later' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('waits 250 ms, then 500 ms, between its three default tries', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: 'a@b.test' });
    const started = Date.now();
    await expect(mailer.send(message())).rejects.toMatchObject({ temporary: true });
    mailer.close();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(740);
    expect(elapsed).toBeLessThan(2000);
  });

  it('reports a server that is not listening as a temporary failure', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: 'a@b.test', attempts: 2, backoffMs: 10 });
    const error = await mailer.send(message()).catch((e: unknown) => e);
    mailer.close();
    expect(error).toMatchObject({ name: 'MailNotSentError', temporary: true });
  });
});

describe('isTemporaryMailError', () => {
  it.each([
    [{ responseCode: 400 }, true],
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
