/**
 * Kapture's search as the reference servers make it: 20 ids a call, in parallel, over an undici
 * Pool, answering `{ number, subject, status }` (or null) in the order asked. No validation, no
 * error model: what a gateway cannot do with less.
 */
import { Pool } from 'undici';

const MAX_BATCH = 20;
const base = process.env.KAPTURE_BASE_URL!;
const apiKey = process.env.KAPTURE_API_KEY!;
export const pool = new Pool(base, { connections: 8 });

export interface TicketSummary {
  readonly number: string;
  readonly subject: string;
  readonly status: string;
}

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

export async function readTickets(ids: readonly string[]): Promise<(TicketSummary | null)[]> {
  const chunks = Array.from({ length: Math.ceil(ids.length / MAX_BATCH) }, (_, index) =>
    ids.slice(index * MAX_BATCH, (index + 1) * MAX_BATCH),
  );
  const answers = await Promise.all(chunks.map(search));
  const found = new Map(answers.flat().map((entry) => [entry.task_details.ticketId, entry.task_details]));
  return ids.map((id) => {
    const details = found.get(id);
    return details ? { number: details.ticketId, subject: details.title, status: details.status } : null;
  });
}
