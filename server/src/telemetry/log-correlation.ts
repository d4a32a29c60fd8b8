import { isSpanContextValid, trace } from '@opentelemetry/api';

/** pino mixin: `trace_id` and `span_id` of the active span, so a log line leads to its trace (pino merges into the object returned). */
export function traceIdsOfActiveSpan(): object {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}
