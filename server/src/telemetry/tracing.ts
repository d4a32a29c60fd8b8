import { FastifyOtelInstrumentation } from '@fastify/otel';
import type { Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { RedisInstrumentation } from '@opentelemetry/instrumentation-redis';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, type Sampler } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import type { TracingSettings } from '../config-telemetry';

export interface Tracing {
  /** @fastify/otel's plugin: the HTTP server span, continuing an incoming W3C `traceparent`. */
  fastifyPlugin: FastifyPluginCallback;
  /** Exports what is still queued. */
  shutdown(): Promise<void>;
}

function samplerOf({ sampler, samplerRatio }: TracingSettings): Sampler {
  const ratio = new TraceIdRatioBasedSampler(samplerRatio);
  switch (sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
  }
}

/**
 * The HTTP server span is `{method} {route}` and its `url.path` the path alone: the query string
 * of a GET /graphql holds the document and its variables.
 */
function nameServerSpan(span: Span, request: FastifyRequest): void {
  if (!span.isRecording()) return;
  const route = request.routeOptions.url;
  span.updateName(route ? `${request.method} ${route}` : request.method);
  const query = request.url.indexOf('?');
  span.setAttribute(ATTR_URL_PATH, query === -1 ? request.url : request.url.slice(0, query));
}

/**
 * Starts the OpenTelemetry Node SDK: OTLP/HTTP (JSON) export in batches, the configured sampler,
 * W3C trace context, and two instrumentations: @fastify/otel (one span per request, no span per
 * hook or handler) and node-redis (one span per command, named by the command only: keys hold
 * user ids). Must run before `redis` is first required (main.ts loads the server after it).
 */
export function startTracing(settings: TracingSettings): Tracing {
  const fastify = new FastifyOtelInstrumentation({ instrumentHooks: false, instrumentHandler: false, recordExceptions: false, requestHook: nameServerSpan });
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ ...settings.resourceAttributes, [ATTR_SERVICE_NAME]: settings.serviceName }),
    autoDetectResources: false,
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: settings.endpoint, headers: settings.headers }) })],
    sampler: samplerOf(settings),
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations: [fastify, new RedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command })],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { fastifyPlugin: fastify.plugin(), shutdown: () => sdk.shutdown() };
}
