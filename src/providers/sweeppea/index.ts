import {
  BadUserInputError,
  NotFoundError,
  TicketClosedError,
  UpstreamFailedError,
  type TicketGraphError,
} from '../../domain/errors.js';
import type { Ticket } from '../../domain/model.js';
import { oneTicketACallProvider } from '../kit/fetch-each.js';
import { readBack, readOne } from '../kit/read-back.js';
import type { Credential, Provider, ProviderDeps } from '../provider.js';
import { tracedBy } from '../../upstream/traced.js';
import type { CallTrace } from '../../upstream/types.js';
import { fetchSingleTicket, fetchTicketList, resolveTicket, updateTicket } from './client.js';
import { listSweeppeaTickets } from './list.js';
import { fromUpdateAnswer, toTicket } from './mapper.js';
import { closedAlready } from '../kit/ticket-state.js';

const provider = 'sweeppea';

/**
 * Case numbers are opaque strings (the docs show "2650478" and "HYXTNJV"). Letters and digits
 * only, case kept: nothing that could change a path, a query or a header reaches Sweeppea.
 */
const CASE_NUMBER = /^[A-Za-z0-9]{1,32}$/;

function parseNumber(number: string): string {
  const trimmed = number.trim();
  if (!CASE_NUMBER.test(trimmed)) {
    throw new BadUserInputError('A Sweeppea case number is 1 to 32 letters and digits', { provider });
  }
  return trimmed;
}

/**
 * `/tickets/resolve` answered 404 "Ticket Not Found or Already Closed" for a ticket this request
 * had just read open: one more read tells which (docs/providers/sweeppea.md, Writes). Closed since
 * is TICKET_CLOSED; gone is the read's NOT_FOUND; still open is a refusal Sweeppea does not
 * explain, UPSTREAM_ERROR. Should the read itself fail, the 404 stands, its message naming both.
 */
async function whyNotClosed(
  reader: Pick<Provider, 'fetchTickets'>,
  caseNumber: string,
  auth: Credential,
  trace: CallTrace | undefined,
  refusal: NotFoundError,
): Promise<TicketGraphError> {
  let ticket: Ticket;
  try {
    ticket = await readOne(reader, caseNumber, auth, trace);
  } catch (error) {
    return error instanceof NotFoundError ? error : refusal;
  }
  const details = { provider, upstreamStatus: refusal.upstreamStatus } as const;
  if (ticket.status === 'CLOSED')
    return new TicketClosedError(`Sweeppea ticket ${caseNumber} is closed already`, details);
  return new UpstreamFailedError(
    `Sweeppea refused to close ticket ${caseNumber} as missing or closed, though it reads open; nothing was changed`,
    { ...details, retryable: false },
  );
}

/** Sweeppea (`https://api-v3.sweeppea.com`): one `fetchSingleTicket` call a ticket. */
export function createSweeppeaProvider(deps: ProviderDeps): Provider {
  // Reads are one ticket a call, which the upstream client holds to Sweeppea's one-at-a-time
  // limit; `/tickets/update` changes title and description, `/tickets/resolve` closes.
  const reading = oneTicketACallProvider(deps, { provider, parseNumber, read: fetchSingleTicket, toTicket });
  return {
    ...reading,
    /**
     * fetchOpenTickets and fetchClosedTickets, 20 summaries a page, walked (and for `state: ANY`
     * merged) by list.ts (docs/providers/sweeppea.md, Lists). A page that cannot be placed in its
     * list fails the whole list page: no half page is ever returned.
     */
    listTickets(query, auth, trace) {
      const http = tracedBy(deps.http, trace);
      const search = query.filter.search;
      return listSweeppeaTickets(query, {
        parseNumber,
        read: (list, page) =>
          fetchTicketList(http, list, { page, ...(search !== undefined && { search }) }, auth.secret),
      });
    },
    /**
     * The update answers with a few of the ticket's fields; the ticket is then read back whole
     * (its Statistics now list the update). Should that read fail, the answer's own fields stand
     * for the ticket.
     */
    async updateTicket(update, auth, trace) {
      const answer = await updateTicket(tracedBy(deps.http, trace), update, auth.secret);
      return readBack(
        { provider, number: update.number, parseNumber, done: `Sweeppea updated ticket ${update.number}` },
        () => readOne(reading, update.number, auth, trace),
        () => fromUpdateAnswer(answer, { fetchedAt: new Date().toISOString() }),
      );
    },
    /**
     * Nothing is sent for a ticket `current` shows closed: resolve would only answer its 404. The
     * close answers with a few of the ticket's fields; the ticket is then read back whole (its
     * closing note and Statistics entry added), or, should that read fail, built from them.
     */
    async closeTicket(current, auth, trace) {
      const number = parseNumber(current.number);
      if (current.status === 'CLOSED') {
        throw closedAlready(provider, 'Sweeppea', number);
      }
      const answer = await resolveTicket(tracedBy(deps.http, trace), number, auth.secret).catch(async (error) => {
        throw error instanceof NotFoundError ? await whyNotClosed(reading, number, auth, trace, error) : error;
      });
      return readBack(
        { provider, number, parseNumber, done: `Sweeppea closed ticket ${number}` },
        () => readOne(reading, number, auth, trace),
        () => toTicket(answer, { fetchedAt: new Date().toISOString() }),
      );
    },
  } satisfies Provider;
}
