// The verify_email mail Auth0 sends, sent by the tenant over real SMTP to a real catcher, and
// its link, which really verifies the address (once, and only while the address is still the user's).
import { linkIn } from 'test-support/mail-catcher';
import { storedUser } from '../src/testing';
import { ADA, managementToken, userPath, useTenant } from './helpers';

const tenant = useTenant({ mail: true, reset: 'none' });

async function patchAda(body: Record<string, unknown>): Promise<Response> {
  const token = await managementToken(tenant);
  return fetch(userPath(tenant, ADA), { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const verificationLink = async (address: string, afterId: number) => linkIn(await tenant.catcher.waitForMail(address, { afterId }), `${tenant.url}/u/email-verification?ticket=`);

describe('the verify_email mail', () => {
  it('goes to the new address with a link that marks it verified, once', async () => {
    const afterId = tenant.catcher.lastId();
    expect((await patchAda({ email: 'ada.verify@example.com', verify_email: true })).status).toBe(200);
    expect((await storedUser(tenant.url, ADA)).email_verified).toBe(false);
    const mail = await tenant.catcher.waitForMail('ada.verify@example.com', { afterId });
    expect(mail.subject).toBe('Verify your email');
    expect(mail.html).toContain('href="');
    const link = await verificationLink('ada.verify@example.com', afterId);

    const followed = await fetch(link);
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain('Your email was verified');
    expect(await storedUser(tenant.url, ADA)).toMatchObject({ email: 'ada.verify@example.com', email_verified: true });

    const again = await fetch(link);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This URL can be used only once');
  });

  it('does not verify an address the user no longer has', async () => {
    const afterId = tenant.catcher.lastId();
    await patchAda({ email: 'ada.first@example.com', verify_email: true });
    const link = await verificationLink('ada.first@example.com', afterId);
    await patchAda({ email: 'ada.second@example.com' });
    const followed = await fetch(link);
    expect(followed.status).toBe(400);
    expect(await storedUser(tenant.url, ADA)).toMatchObject({ email: 'ada.second@example.com', email_verified: false });
  });

  it('refuses a made-up ticket and sends nothing for a PATCH without verify_email', async () => {
    const before = tenant.catcher.messages().length;
    expect((await fetch(`${tenant.url}/u/email-verification?ticket=made-up`)).status).toBe(400);
    await patchAda({ email: 'ada.quiet@example.com', email_verified: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tenant.catcher.messages().length).toBe(before);
  });
});
