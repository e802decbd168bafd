import { isJsonObject, parseJsonBody } from '../json-body.js';
import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply, Simulator, SimulatorOptions } from '../simulator.js';
import { TicketStore, withCopies } from '../ticket-store.js';
import { KAPTURE_ANSWERS } from './answer-seed.js';
import { kaptureFailure, kaptureFaultReply } from './errors.js';
import { KAPTURE_LIST_WEEK } from './list-seed.js';
import { pullTickets } from './pull-tickets.js';
import { KAPTURE_SEED, type KaptureTicket } from './seed.js';
import { updateTicket } from './update-ticket.js';

const SEARCH = '/search-ticket-by-ticket-id.html/v.2.0';
const UPDATE = '/update-ticket-from-other-source.html/v.2.0';
const PULL = '/select-ticket-between-start-and-end-dates.html/v.2.0';

function search(call: SandboxCall, store: TicketStore<KaptureTicket>): SandboxReply {
  const owner = ownerOfKey('kapture', authorizationToken(call.headers.authorization, 'Basic'));
  if (owner === undefined) return kaptureFailure('Invalid Auth Key');
  const body = parseJsonBody(call.body);
  // docs/providers/kapture.md: "Most probably, data may in array format. It should be in object format."
  if (!isJsonObject(body)) return kaptureFailure('Invalid Json.');
  const raw = body.ticket_ids;
  // A number is read as its digits, as a Java JSONObject's optString would.
  const ids =
    typeof raw === 'string' || typeof raw === 'number'
      ? String(raw)
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : [];
  if (ids.length === 0) return kaptureFailure('ticket_ids are missing.');
  const wanted = new Set(ids);
  // Like a SQL `IN (...)`: each ticket once, in storage (taskId) order rather than request order;
  // unknown ids and other tenants' tickets are simply absent. history_type & co. are undocumented: ignored.
  const found = store
    .all()
    .filter((entry) => entry.owner === owner && wanted.has(entry.ticket.task_details.ticketId))
    .map((entry) => entry.ticket)
    .sort((a, b) => a.task_details.taskId - b.task_details.taskId);
  return { status: 200, body: found };
}

/**
 * Kapture CRM (`https://SUBDOMAIN.kapturecrm.com`), Basic key: `POST /search-ticket-by-ticket-id.html/v.2.0`,
 * `POST /update-ticket-from-other-source.html/v.2.0` and `POST /select-ticket-between-start-and-end-dates.html/v.2.0`.
 */
export function createKaptureSimulator(options: SimulatorOptions = {}): Simulator {
  const numberOf = (ticket: KaptureTicket) => ticket.task_details.ticketId;
  // The list week, then the tickets of answers beyond the example, come after the copies: copies stay
  // copies of the first seed, under the same numbers.
  const store = new TicketStore(
    [
      ...withCopies(
        KAPTURE_SEED,
        options.copies ?? 0,
        numberOf,
        (ticket, number) => (ticket.task_details.ticketId = number),
        (index) => String(800_000_000_000 + index),
      ),
      ...KAPTURE_LIST_WEEK,
      ...KAPTURE_ANSWERS,
    ],
    numberOf,
  );
  return {
    provider: 'kapture',
    // A servlet mapped on `.html` answers with the container's default type, not application/json.
    contentType: 'text/html;charset=UTF-8',
    handle(call) {
      if (call.method !== 'POST') return kaptureFailure('Not Found', 404);
      if (call.pathname === SEARCH) return search(call, store);
      if (call.pathname === UPDATE) return updateTicket(call, store);
      if (call.pathname === PULL) return pullTickets(call, store);
      return kaptureFailure('Not Found', 404);
    },
    faultReply: kaptureFaultReply,
    ticketNumbers: (owner) => store.numbers(owner),
    reset: () => store.reset(),
  };
}
