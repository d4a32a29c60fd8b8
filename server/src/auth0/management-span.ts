import { context, createContextKey, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

// The OpenTelemetry API records nothing until an SDK is started (telemetry/tracing.ts).
const tracer = trace.getTracer('profile-api/auth0');
const RESEND = createContextKey('profile-api auth0 resend count');

/**
 * Runs one Management API call (its attempts, the token request if one is needed) in a span of
 * its own, named after the SDK method. Nothing about the user goes in: no id, no metadata.
 */
export function inManagementSpan<T>(name: string, call: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(`auth0 ${name}`, { kind: SpanKind.INTERNAL }, async (span) => {
    try {
      return await call();
    } catch (error) {
      const type = error instanceof Error ? error.name : 'Error';
      span.setAttribute('error.type', type);
      span.setStatus({ code: SpanStatusCode.ERROR, message: type });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Runs a retry attempt; its HTTP request carries `http.request.resend_count`. */
export function asResend<T>(attempt: number, call: () => Promise<T>): Promise<T> {
  return context.with(context.active().setValue(RESEND, attempt), call);
}

/** How many times the current request was sent before (0 for a first attempt). */
export function resendCount(): number {
  const value = context.active().getValue(RESEND);
  return typeof value === 'number' ? value : 0;
}
