import { asError, BadUserInputError, UpstreamInvalidResponseError } from '../../domain/errors.js';
import type { Ticket } from '../../domain/model.js';
import { catalogFacts } from '../kit/catalog-facts.js';
import { readBack, readOne } from '../kit/read-back.js';
import type { Credential, Provider, ProviderDeps } from '../provider.js';
import { tracedBy } from '../../upstream/traced.js';
import type { CallTrace } from '../../upstream/types.js';
import { searchTickets, updateTicket, type KaptureUpdate } from './client.js';
import { listKaptureTickets } from './list.js';
import { toTicket } from './mapper.js';
import { subStatusKeyOf } from './payload.js';
import { closedAlready, READS_OPEN } from '../kit/ticket-state.js';

const provider = 'kapture';

/**
 * Kapture ticket ids are digit strings ('713516551148'). Nothing else may pass: a comma would
 * add ids to the comma-separated `ticket_ids` list sent upstream.
 */
const TICKET_ID = /^\d{1,20}$/;

function parseNumber(number: string): string {
  const trimmed = number.trim();
  // Ids are numbers upstream: "0713516551148" is 713516551148, and must be one DataLoader key.
  const canonical = TICKET_ID.test(trimmed) ? trimmed.replace(/^0+/, '') : '';
  if (canonical === '') {
    throw new BadUserInputError('A Kapture CRM ticket id is a number of 1 to 20 digits', { provider });
  }
  return canonical;
}

/** docs/providers/kapture.md, Writes: the sub-status keys the update API documents. */
const PENDING = 'P';
const CLOSED = 'CL';
/** Statuses a reopen leaves as they are: open already. An UNKNOWN (tenant) status is sent `P`. */

/** Kapture CRM (`https://SUBDOMAIN.kapturecrm.com`): many ids per search call, in chunks of `maxBatch`. */
export function createKaptureProvider(deps: ProviderDeps): Provider {
  const maxBatch = Math.max(1, Math.floor(deps.maxBatch));

  // One call a chunk of distinct ids, all chunks at once; a failed call fails its whole chunk.
  const fetchTickets: Provider['fetchTickets'] = async (numbers, auth, trace) => {
    const http = tracedBy(deps.http, trace);
    const distinct = [...new Set(numbers)];
    const chunks = Array.from({ length: Math.ceil(distinct.length / maxBatch) }, (_, index) =>
      distinct.slice(index * maxBatch, (index + 1) * maxBatch),
    );
    const answers = await Promise.all(
      chunks.map(async (chunk): Promise<(Ticket | Error)[]> => {
        let found: Awaited<ReturnType<typeof searchTickets>>;
        try {
          found = await searchTickets(http, chunk, auth.secret);
        } catch (error) {
          const failure = asError(error, provider);
          return chunk.map(() => failure);
        }
        const fetchedAt = new Date().toISOString();
        // Each ticket mapped on its own: one that cannot be read fails alone, not its chunk.
        return found.map((entry) => {
          if (entry instanceof Error) return entry;
          try {
            return toTicket(entry, { timezone: deps.timezone, fetchedAt });
          } catch (error) {
            return asError(error, provider);
          }
        });
      }),
    );
    const results = answers.flat();
    const byNumber = new Map(distinct.map((number, index) => [number, results[index]!]));
    return numbers.map((number) => byNumber.get(number)!);
  };

  /**
   * The one update call, then the ticket read back through fetchTickets (one search call): the
   * update's own answer holds the ticket in another shape, which is not mapped.
   */
  const change = async (
    number: string,
    update: Omit<KaptureUpdate, 'ticketId'>,
    auth: Credential,
    trace: CallTrace | undefined,
  ): Promise<Ticket> => {
    await updateTicket(tracedBy(deps.http, trace), { ticketId: number, ...update }, auth.secret);
    return readBack({ provider, number, parseNumber, done: `Kapture CRM updated ticket ${number}` }, () =>
      readOne({ fetchTickets }, number, auth, trace),
    );
  };

  return {
    // The update API sets the sub-status and adds comments, never the title or description
    // (docs/providers/kapture.md, Writes): reply, close and reopen, not updateTicket.
    ...catalogFacts(provider, deps),
    parseNumber,
    fetchTickets,
    /** One pull a day, newest day first (docs/providers/kapture.md, Lists). */
    listTickets: (query, auth, trace) =>
      listKaptureTickets(query, { http: tracedBy(deps.http, trace), apiKey: auth.secret, timezone: deps.timezone }),
    /**
     * A comment must come with a sub-status: the ticket's own, as `current` read it (`PS`, never
     * a guessed `P`), so commenting leaves its state as it is. Without one, nothing is sent.
     */
    async replyToTicket(current, body, auth, trace) {
      const number = parseNumber(current.number);
      const subStatus = subStatusKeyOf(current.raw);
      if (subStatus === null) {
        throw new UpstreamInvalidResponseError(
          `Kapture CRM's answer for ticket ${number} had no sub-status key to comment with; nothing was sent`,
          { provider },
        );
      }
      return change(number, { subStatus, comment: body }, auth, trace);
    },
    /** A ticket `current` shows closed is refused without a call. */
    async closeTicket(current, auth, trace) {
      const number = parseNumber(current.number);
      if (current.status === 'CLOSED') {
        throw closedAlready(provider, 'Kapture CRM', number);
      }
      return change(number, { subStatus: CLOSED }, auth, trace);
    },
    /**
     * A ticket `current` shows open is answered as it is, without a call: it is open, as asked,
     * and sending `P` would only move an "In Progress" or "Awaiting Customer" ticket back to
     * "Pending" (docs/providers/kapture.md, Writes).
     */
    async reopenTicket(current, auth, trace) {
      const number = parseNumber(current.number);
      if (READS_OPEN.has(current.status)) return current;
      return change(number, { subStatus: PENDING }, auth, trace);
    },
  } satisfies Provider;
}
