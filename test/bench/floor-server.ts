/**
 * The floor: what no Node gateway can beat. A hand-written HTTP server that makes the same
 * upstream calls as the gateway (Kapture's search, 20 ids a call, in parallel, over an undici
 * Pool) and reshapes the JSON, with no GraphQL, validation or error model.
 * `GET /tickets?ids=a,b,c` answers `{ tickets: [{ number, subject, status }] }` in the order asked.
 */
import { createServer } from 'node:http';
import { Pool } from 'undici';

const MAX_BATCH = 20;
const base = process.env.KAPTURE_BASE_URL!;
const apiKey = process.env.KAPTURE_API_KEY!;
const pool = new Pool(base, { connections: 8 });

interface KaptureEntry {
  task_details: { ticketId: string; title: string; status: string };
}

async function search(ids: readonly string[]): Promise<KaptureEntry[]> {
  const response = await pool.request({
    method: 'POST',
    path: '/search-ticket-by-ticket-id.html/v.2.0',
    headers: { authorization: `Basic ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ticket_ids: ids.join(',') }),
  });
  return (await response.body.json()) as KaptureEntry[];
}

const server = createServer((request, response) => {
  const ids = (new URL(request.url ?? '/', 'http://floor').searchParams.get('ids') ?? '').split(',').filter(Boolean);
  const chunks = Array.from({ length: Math.ceil(ids.length / MAX_BATCH) }, (_, index) => ids.slice(index * MAX_BATCH, (index + 1) * MAX_BATCH));
  Promise.all(chunks.map(search))
    .then((answers) => {
      const found = new Map(answers.flat().map((entry) => [entry.task_details.ticketId, entry.task_details]));
      const tickets = ids.map((id) => {
        const details = found.get(id);
        return details ? { number: details.ticketId, subject: details.title, status: details.status } : null;
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ tickets }));
    })
    .catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    });
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.close().then(() => process.exit(0));
});
