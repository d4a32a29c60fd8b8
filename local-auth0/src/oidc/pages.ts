export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;display:flex;justify-content:center;padding-top:10vh}
main{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 8px #0002;width:22rem}
label{display:block;margin-top:1rem}input{width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem}
button{width:100%;padding:.6rem;margin-top:1.25rem;cursor:pointer}#error{color:#b00020}.note{color:#555;font-size:.85rem}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface LoginPageOptions { query: string; clientName: string; demoLogins: readonly string[]; email?: string; error?: string }

export function loginPage({ query, clientName, demoLogins, email, error }: LoginPageOptions): string {
  const hidden = `<input type="hidden" name="authorize" value="${escapeHtml(query)}">`;
  return page(
    'Sign in | local tenant',
    `<h1>Sign in</h1><p class="note">to ${escapeHtml(clientName)} (local Auth0-compatible tenant)</p>
${error ? `<p id="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/login">${hidden}
<label for="email">Email address</label><input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Continue</button></form>
<form id="google-form" method="post" action="/login">${hidden}<input type="hidden" name="connection" value="google-oauth2"></form>
<button id="google" type="button" onclick="document.getElementById('google-form').submit()">Continue with Google (simulated)</button>
${demoLogins.length > 0 ? `<p class="note">Demo logins: ${escapeHtml(demoLogins.join('; '))}.</p>` : ''}`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p id="error" role="alert">${escapeHtml(message)}</p>`);
}

/** A page that says one thing went well. */
export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p id="message" role="status">${escapeHtml(message)}</p>`);
}

export function loggedOutPage(): string {
  return page('Signed out', '<h1>You are signed out</h1><p>You can close this window.</p>');
}

/**
 * The `web_message` response: posts the result to the window that opened /authorize (the SDK's
 * hidden iframe parent, or a popup's opener), restricted to the app's origin.
 */
export function webMessagePage(targetOrigin: string, response: Record<string, string | undefined>): string {
  const message = { type: 'authorization_response', response };
  return `<!doctype html><html><head><title>Authorization Response</title></head><body><script>
(function () {
  var target = window.opener || window.parent;
  target.postMessage(${scriptJson(message)}, ${scriptJson(targetOrigin)});
})();
</script></body></html>`;
}
