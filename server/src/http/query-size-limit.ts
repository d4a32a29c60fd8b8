import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendJsonError } from './body';

/**
 * Largest `query` text accepted, in UTF-8 bytes, checked before GraphQL parses it. The app's
 * documents are under 1 kB and the Sandbox's introspection query about 2 kB; comments and
 * white space do not count toward the parser's token limit, so without this a small body could
 * still carry a 30 kB comment that Apollo parses and keeps.
 */
const MAX_QUERY_BYTES = 8 * 1024;

function queryText(request: FastifyRequest): unknown {
  const source = request.method === 'GET' ? request.query : request.body;
  return typeof source === 'object' && source !== null ? (source as { query?: unknown }).query : undefined;
}

/** For the GraphQL route (a preHandler): 413 PAYLOAD_TOO_LARGE, field `query`, rule `maxBytes`, for a longer query text. */
export function limitQuerySize(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const query = queryText(request);
  // A UTF-8 character is at most 3 bytes per UTF-16 unit: most queries need no byte count at all.
  if (typeof query !== 'string' || query.length * 3 <= MAX_QUERY_BYTES || Buffer.byteLength(query) <= MAX_QUERY_BYTES) return done();
  sendJsonError(reply, 413, 'PAYLOAD_TOO_LARGE', `The query text may be at most ${MAX_QUERY_BYTES} bytes.`, { field: 'query', rule: 'maxBytes' });
}
