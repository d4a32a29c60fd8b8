import type { Page } from 'playwright-core';

export interface SeenRequest {
  url: string;
  /** Carried an Authorization header. */
  authorized: boolean;
  /** The GraphQL operationName of a POST body, if any. */
  operation: string | null;
  /** A top-level page load, redirect hops included. */
  pageNavigation: boolean;
}

function operationOf(body: string | null): string | null {
  try {
    const parsed = JSON.parse(body ?? '') as { operationName?: unknown };
    return typeof parsed.operationName === 'string' ? parsed.operationName : null;
  } catch {
    return null;
  }
}

/** Every request the page makes from now on, in order. */
export function recordRequests(page: Page): SeenRequest[] {
  const seen: SeenRequest[] = [];
  page.on('request', (request) => {
    seen.push({
      url: request.url(),
      authorized: Boolean(request.headers()['authorization']),
      operation: request.method() === 'POST' ? operationOf(request.postData()) : null,
      pageNavigation: request.isNavigationRequest() && request.frame() === page.mainFrame(),
    });
  });
  return seen;
}
