import { isSpanContextValid, trace, TraceFlags } from '@opentelemetry/api';

/** pino mixin: `trace_id` and `span_id` of the active span, so a log line leads to its trace (pino merges into the object returned). */
export function traceIdsOfActiveSpan(): object {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ids = span.spanContext();
  // Only a sampled trace reaches the tracing backend: other ids would lead nowhere.
  return isSpanContextValid(ids) && (ids.traceFlags & TraceFlags.SAMPLED) !== 0 ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}
