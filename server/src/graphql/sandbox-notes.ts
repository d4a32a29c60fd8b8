import { escapeHtml } from '../escape-html';

interface SandboxNotes {
  /** The token the page is pre-filled with, or undefined when none could be made. */
  token?: string;
  /** Why there is no token, shown on the page (undefined: no token was asked for, e.g. a real tenant). */
  tokenProblem?: string;
  /** This API's GraphQL URL, for the ready curl line. */
  endpoint: string;
}

const OFFLINE_LINE = '<p>Apollo Sandbox cannot be loaded; it appears that you might be offline.</p>';

/** The `me` request the Sandbox would send, as one curl line (the page's own token, or a placeholder). */
function meCurlLine({ token, endpoint }: SandboxNotes): string {
  const body = JSON.stringify({ query: '{ me { id email firstName lastName } }' });
  return `curl -s ${endpoint} -H 'content-type: application/json' -H 'authorization: Bearer ${token ?? '<access token>'}' --data '${body}'`;
}

function offlineHelp(notes: SandboxNotes): string {
  return `<p>Without it, the operations in <code>examples.graphql</code> (repository root) run with any GraphQL client, or with curl:</p>
<pre id="sandbox-curl">${escapeHtml(meCurlLine(notes))}</pre>`;
}

function tokenNotice(problem: string, nonce: string | undefined): string {
  const style = `<style${nonce ? ` nonce="${nonce}"` : ''}>#sandbox-token-notice{position:fixed;left:0;right:0;bottom:0;z-index:10;margin:0;padding:.6rem 1rem;background:#fff4e5;color:#5f370e;font:14px system-ui,sans-serif;border-top:2px solid #e65100}</style>`;
  return `${style}<p id="sandbox-token-notice" role="alert">No token pre-filled: ${escapeHtml(problem)} Paste one into the Authorization header yourself.</p>`;
}

/**
 * Apollo's landing page with what a developer needs when it falls short: a visible notice when
 * no token could be made, and (when Apollo's CDN is unreachable) what to use instead.
 */
export function withSandboxNotes(html: string, notes: SandboxNotes): string {
  const nonce = /nonce="?([0-9a-f]+)/.exec(html)?.[1];
  let page = html.replace(OFFLINE_LINE, `${OFFLINE_LINE}\n${offlineHelp(notes)}`);
  if (notes.tokenProblem !== undefined) page = page.replace('</body>', `${tokenNotice(notes.tokenProblem, nonce)}</body>`);
  return page;
}
