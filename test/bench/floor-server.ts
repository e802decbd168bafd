/**
 * The floor: what no Node gateway can beat. A hand-written HTTP server that makes the same
 * upstream calls as the gateway (kapture-search.ts) and reshapes the JSON, with no GraphQL.
 * `GET /tickets?ids=a,b,c` answers `{ tickets: [{ number, subject, status }] }` in the order asked.
 */
import { createServer } from 'node:http';
import { pool, readTickets } from './kapture-search.js';

const server = createServer((request, response) => {
  const ids = (new URL(request.url ?? '/', 'http://floor').searchParams.get('ids') ?? '').split(',').filter(Boolean);
  readTickets(ids)
    .then((tickets) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ tickets })))
    .catch((error: unknown) =>
      response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) })),
    );
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.close().then(() => process.exit(0));
});
