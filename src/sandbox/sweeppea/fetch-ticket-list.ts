import { isJsonObject, parseJsonBody } from '../json-body.js';
import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TicketStore } from '../ticket-store.js';
import { sweeppeaError } from './errors.js';
import type { SweeppeaTicket } from './seed.js';

/** docs/providers/sweeppea.md, Lists: pages of 20. */
export const SWEEPPEA_LIST_LIMIT = 20;
/** docs/providers/sweeppea.md, Lists: a summary's Subject is cut to 100 characters. */
const SUBJECT_CHARACTERS = 100;

/** What a list call asked for, once its body is read; or the 400 it gets. */
type ListAsk = { readonly page: number; readonly search: string; readonly priority?: number } | SandboxReply;

/**
 * `POST /tickets/fetchOpenTickets` and `/tickets/fetchClosedTickets` `{search?, platform?,
 * priority?, page?}`: the key's tenant's open (or closed) tickets, newest created first, 20 a
 * page, as summaries (docs/providers/sweeppea.md, Lists). `search` matches Subject or Description,
 * ignoring case. Equal creation dates are ordered by case number (the real order of ties is not
 * documented). A page past the last is empty. `platform` is undocumented and ignored.
 */
export function fetchTicketList(call: SandboxCall, store: TicketStore<SweeppeaTicket>, closed: boolean): SandboxReply {
  const token = authorizationToken(call.headers.authorization, 'Bearer');
  if (token === undefined) return sweeppeaError(401, 'Invalid or Missing Bearer Token');
  const owner = ownerOfKey('sweeppea', token);
  if (owner === undefined) return sweeppeaError(403, 'Invalid API Token');

  const ask = readAsk(call.body);
  if ('status' in ask) return ask;
  const words = ask.search.toLowerCase();
  const matching = store
    .all()
    .filter((entry) => entry.owner === owner && entry.ticket.Status === closed)
    .map((entry) => entry.ticket)
    .filter((ticket) => ask.priority === undefined || ticket.Priority === ask.priority)
    .filter((ticket) => `${ticket.Subject}\n${ticket.Description}`.toLowerCase().includes(words))
    .sort((a, b) => Date.parse(b.Date) - Date.parse(a.Date) || (a.CaseNumber < b.CaseNumber ? -1 : 1));
  const start = (ask.page - 1) * SWEEPPEA_LIST_LIMIT;
  return {
    status: 200,
    body: {
      Response: true,
      Data: {
        TotalTickets: matching.length,
        Page: ask.page,
        Limit: SWEEPPEA_LIST_LIMIT,
        TotalPages: Math.ceil(matching.length / SWEEPPEA_LIST_LIMIT),
        Tickets: matching.slice(start, start + SWEEPPEA_LIST_LIMIT).map(summaryOf),
      },
    },
  };
}

/** The body's filters; every one is optional, and an empty body asks for the first page. */
function readAsk(raw: Buffer): ListAsk {
  const body = raw.length === 0 ? {} : parseJsonBody(raw);
  if (!isJsonObject(body)) return sweeppeaError(400, 'Invalid request body');
  const { page = 1, search = '', priority } = body;
  if (typeof page !== 'number' || !Number.isSafeInteger(page) || page < 1) {
    return sweeppeaError(400, 'Invalid page number');
  }
  if (typeof search !== 'string') return sweeppeaError(400, 'Invalid search');
  if (priority != null && priority !== 1 && priority !== 2 && priority !== 3) {
    return sweeppeaError(400, 'Invalid priority');
  }
  return { page, search: search.trim(), ...(priority != null && { priority }) };
}

/** A summary: five fields, the subject cut to 100 characters (whole code points, never half an emoji). */
function summaryOf(ticket: SweeppeaTicket) {
  return {
    CaseNumber: ticket.CaseNumber,
    Subject: [...ticket.Subject].slice(0, SUBJECT_CHARACTERS).join(''),
    Date: ticket.Date,
    Priority: ticket.Priority,
    ResourceAffected: ticket.ResourceAffected,
  };
}
