import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * JSON only: every other content type (Fastify's text/plain parser included) is refused with
 * 415 before the body is read. The size limit is Fastify's `bodyLimit` (413 beyond it).
 */
export function acceptJsonBodiesOnly(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
}

/** Errors the HTTP layer answers itself, in the GraphQL error shape clients already parse. */
export function sendJsonError(reply: FastifyReply, status: number, code: string, message: string, details: Record<string, string> = {}): FastifyReply {
  return reply.code(status).send({ errors: [{ message, extensions: { code, ...details } }] });
}

/**
 * For the GraphQL route (an onRequest hook): a POST must say it is JSON (a missing Content-Type
 * too is 415, as before), in UTF-8 if it names a charset.
 */
export function requireJsonContentType(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (request.method !== 'POST') return done();
  const type = request.headers['content-type'] ?? '';
  if (!JSON_TYPE.test(type)) {
    sendJsonError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send GraphQL requests as JSON (Content-Type: application/json).');
    return;
  }
  const charset = CHARSET.exec(type)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    sendJsonError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding; send UTF-8 JSON.');
    return;
  }
  done();
}

/** Fastify's body errors as JSON errors; anything else as a generic one (logged when it is ours). */
export function bodyErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendJsonError(reply, 413, 'PAYLOAD_TOO_LARGE', 'Request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendJsonError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send GraphQL requests as JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return sendJsonError(reply, 400, 'BAD_REQUEST', 'Request body is not valid JSON.');
  }
  // The JSON parser's SyntaxError, marked 400 by Fastify.
  if (error instanceof SyntaxError) return sendJsonError(reply, 400, 'BAD_REQUEST', 'Request body is not valid JSON.');
  const status = error.statusCode ?? 500;
  if (status >= 500) request.requestLog.error({ err: error }, 'unhandled error');
  return reply.code(status).send({ errors: [{ message: status < 500 ? 'Bad request' : 'Internal server error' }] });
}
