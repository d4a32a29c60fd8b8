import type { Response } from 'express';
import type { ResponseTarget } from './authorize-request';
import { webMessagePage } from './pages';

/** Sends an authorization response (code or error) the way the request's response_mode asks. */
export function sendAuthorizationResponse(res: Response, target: ResponseTarget, params: Record<string, string>): void {
  const response: Record<string, string> = { ...params };
  if (target.state !== undefined) response.state = target.state;
  if (target.responseMode === 'web_message') {
    res.set('Cache-Control', 'no-store').type('html').send(webMessagePage(new URL(target.redirectUri).origin, response));
    return;
  }
  const url = new URL(target.redirectUri);
  for (const [key, value] of Object.entries(response)) url.searchParams.set(key, value);
  res.redirect(302, url.toString());
}
