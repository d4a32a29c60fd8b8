// The ceiling row: node:http answering every POST /graphql with the constant `me` written by hand
// (body read and parsed as JSON, the answer serialised once at start). No GraphQL at all: what
// Node itself costs per request on this machine.
import { createServer } from 'node:http';
import { CONSTANT_PROFILE } from './lib/constant-profile';
import { portFromEnv } from './lib/express-apollo';

const ANSWER = JSON.stringify({ data: { me: { ...CONSTANT_PROFILE, lastKnown: null } } });
const HEADERS = { 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': Buffer.byteLength(ANSWER) };

const server = createServer((request, response) => {
  if (request.url === '/healthz') return void response.end('{"ok":true}');
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200, HEADERS).end(ANSWER);
    } catch {
      response.writeHead(400).end();
    }
  });
});
server.listen(portFromEnv(), 'localhost');
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
