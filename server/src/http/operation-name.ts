const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w{0,99})/;

/** The GraphQL operation name of a request body: the one sent, else the name in the document (at most 100 characters). */
export function operationNameOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if ('operationName' in body && typeof body.operationName === 'string') return body.operationName.slice(0, 100);
  const named = 'query' in body && typeof body.query === 'string' ? NAMED_OPERATION.exec(body.query) : null;
  return named?.[1];
}
