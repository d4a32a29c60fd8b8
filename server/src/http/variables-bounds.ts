import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendJsonError } from './body';

/**
 * Bounds on a request's `variables`, checked before anything walks them (the response cache's
 * key, Apollo's coercion). This schema's deepest variable is `{ input: { firstName } }`; the body
 * limit already bounds the bytes, these bound the nesting a small body can still carry.
 */
const VARIABLES_BOUNDS = { maxDepth: 8, maxValues: 500 } as const;

type VariablesViolation = 'maxDepth' | 'maxValues';

/** Which bound `variables` breaks, if any: an iterative walk that stops at the first breach. */
function variablesViolation(variables: unknown): VariablesViolation | null {
  const pending: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  let values = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    values += 1;
    if (values > VARIABLES_BOUNDS.maxValues) return 'maxValues';
    const { value, depth } = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= VARIABLES_BOUNDS.maxDepth) return 'maxDepth';
    for (const child of Object.values(value)) pending.push({ value: child, depth: depth + 1 });
  }
  return null;
}

const MESSAGES: Record<VariablesViolation, string> = {
  maxDepth: `"variables" may nest at most ${VARIABLES_BOUNDS.maxDepth} levels deep.`,
  maxValues: `"variables" may hold at most ${VARIABLES_BOUNDS.maxValues} values.`,
};

/** For the GraphQL route (a preHandler, after the JSON body is parsed): 400 BAD_REQUEST for variables beyond the bounds. */
export function enforceVariablesBounds(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const body = request.body;
  const variables = typeof body === 'object' && body !== null ? (body as { variables?: unknown }).variables : undefined;
  const violation = variables === undefined ? null : variablesViolation(variables);
  if (violation === null) return done();
  sendJsonError(reply, 400, 'BAD_REQUEST', MESSAGES[violation], { field: 'variables', rule: violation });
}
