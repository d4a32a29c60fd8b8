import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import { ErrorCode } from 'profile-shape';
import type { GraphQLContext } from '../graphql/context';
import { operationLabel } from '../graphql/known-operations';
import type { GraphQLRequestObserver } from '../http/graphql-handler';
import { operationNameOf } from '../http/operation-name';
import type { Metrics } from './metrics';

const tracer = trace.getTracer('profile-api/graphql');
/** Outcomes that are the server's fault (the span's status is ERROR); the caller's own mistakes are not. */
const SERVER_FAULTS = new Set<unknown>([ErrorCode.internal, ErrorCode.upstreamUnavailable]);

export interface GraphQLTelemetry {
  observer: GraphQLRequestObserver;
  plugin: ApolloServerPlugin<GraphQLContext>;
}

const STEP_UP = 'INSUFFICIENT_USER_AUTHENTICATION';

function errorCodes({ response }: GraphQLRequestContextWillSendResponse<GraphQLContext>): string[] {
  const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
  return errors ? errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR')) : [];
}

/** Names the operation span after the operation's type (the semantic conventions' `{graphql.operation.type}`). */
function describeOperation(span: Span, type: string, name: string | null | undefined): void {
  span.updateName(type);
  span.setAttribute('graphql.operation.type', type);
  if (name) span.setAttribute('graphql.operation.name', name);
}

/**
 * Runs the request's work in its operation span, a child of the HTTP server span. When that one
 * is not sampled, neither would its children be (every standard sampler decides alike for one
 * trace): the work runs in the server span's context and no span is made (most requests, at the
 * default 1-in-20 sampling).
 */
function runInOperationSpan<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
  const { context: parent, span: serverSpan } = request.opentelemetry();
  if (!parent) return work();
  if (!serverSpan?.isRecording()) return context.with(parent, work);
  return tracer.startActiveSpan('GraphQL Operation', { kind: SpanKind.SERVER }, parent, async (span) => {
    try {
      return await work();
    } finally {
      span.end();
    }
  });
}

/**
 * Operations by name and outcome (metrics) and ONE span per GraphQL request (tracing): the span
 * wraps the request's work in the handler; an Apollo plugin names it once the operation is
 * resolved and records the outcome. No span per resolver; the document is never recorded (it
 * may hold literal values such as an email address).
 */
export function graphqlTelemetry(metrics: Metrics | null, tracing: boolean): GraphQLTelemetry {
  const listener: GraphQLRequestListener<GraphQLContext> = {
    async didResolveOperation({ operation, operationName }) {
      const span = tracing ? trace.getActiveSpan() : undefined;
      if (span?.isRecording() && operation) describeOperation(span, operation.operation, operationName);
    },
    async willSendResponse(requestContext) {
      const codes = errorCodes(requestContext);
      // OK, or the code of the answer's first error.
      const outcome = codes[0] ?? 'OK';
      // The resolved name; else (a document that did not parse or validate) the one sent or written first.
      metrics?.operation(operationLabel(requestContext.operationName ?? operationNameOf(requestContext.request)), outcome);
      if (codes.includes(STEP_UP)) metrics?.stepUpChallenge();
      const span = tracing && outcome !== 'OK' ? trace.getActiveSpan() : undefined;
      if (!span?.isRecording()) return;
      span.setAttribute('error.type', outcome);
      if (SERVER_FAULTS.has(outcome)) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    },
  };
  const observer: GraphQLRequestObserver = {
    ...(tracing ? { around: runInOperationSpan } : {}),
    responseCache(hit, body) {
      metrics?.responseCacheRead(hit);
      if (!hit) return;
      // Only answers to queries are kept, so a replayed one is a query.
      const name = operationNameOf(body);
      metrics?.operation(operationLabel(name), 'OK');
      const span = tracing ? trace.getActiveSpan() : undefined;
      if (!span?.isRecording()) return;
      describeOperation(span, 'query', name);
      span.setAttribute('profile_api.response_cache', 'hit');
    },
  };
  return { observer, plugin: { requestDidStart: async () => listener } };
}
