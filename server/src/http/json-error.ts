import type { FastifyReply } from 'fastify';

/** Errors the HTTP layer answers itself, in the GraphQL error shape clients already parse. */
export function sendJsonError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
}
