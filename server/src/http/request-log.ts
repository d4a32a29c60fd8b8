import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const SAFE_REQUEST_ID = /^[\w.-]{1,64}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w{0,99})/;

/** The GraphQL operation name: the one sent, else the name in the document. */
function operationName(req: IncomingMessage): object {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  if (typeof body !== 'object' || body === null) return {};
  if ('operationName' in body && typeof body.operationName === 'string') return { operationName: body.operationName.slice(0, 100) };
  const named = 'query' in body && typeof body.query === 'string' ? NAMED_OPERATION.exec(body.query) : null;
  return named ? { operationName: named[1] } : {};
}

/**
 * One log line per request, with the request id (taken from a sane `x-request-id` or made up,
 * and echoed back). Only method, path and status are logged: never headers, so never a token.
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestId,
    quietReqLogger: true,
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: operationName,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
}
