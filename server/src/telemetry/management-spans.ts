import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resendCount } from '../auth0/management-span';
import type { ManagementAttemptObserver } from '../auth0/management-route';

const tracer = trace.getTracer('profile-api/auth0');

/**
 * One CLIENT span per HTTP request to Auth0 (so each retry attempt shows), named
 * `{method} {route template}`: the route, never the URL (it holds the user id).
 */
export function managementAttemptSpans(tenantHost: string): ManagementAttemptObserver {
  return {
    start(route, method) {
      const resends = resendCount();
      const span = tracer.startSpan(route === 'other' ? method : route, {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'url.template': route === 'other' ? 'other' : route.slice(route.indexOf(' ') + 1),
          'server.address': tenantHost,
          ...(resends > 0 ? { 'http.request.resend_count': resends } : {}),
        },
      });
      return (outcome) => {
        if (typeof outcome === 'number') span.setAttribute('http.response.status_code', outcome);
        if (typeof outcome !== 'number' || outcome >= 400) {
          span.setAttribute('error.type', String(outcome));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      };
    },
  };
}

/** Several observers as one. */
export function allAttemptObservers(observers: ManagementAttemptObserver[]): ManagementAttemptObserver | undefined {
  if (observers.length <= 1) return observers[0];
  return {
    start(route, method) {
      const ends = observers.map((observer) => observer.start(route, method));
      return (outcome, headers) => {
        for (const end of ends) end(outcome, headers);
      };
    },
  };
}
