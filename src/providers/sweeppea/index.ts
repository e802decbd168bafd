import { BadUserInputError } from '../../domain/errors.js';
import type { Ticket } from '../../domain/model.js';
import { askedTicket } from '../kit/asked-ticket.js';
import { oneTicketACallProvider } from '../kit/fetch-each.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { tracedBy } from '../../upstream/traced.js';
import { fetchSingleTicket, updateTicket } from './client.js';
import { fromUpdateAnswer, toTicket } from './mapper.js';

/**
 * Case numbers are opaque strings (the docs show "2650478" and "HYXTNJV"). Letters and digits
 * only, case kept: nothing that could change a path, a query or a header reaches Sweeppea.
 */
const CASE_NUMBER = /^[A-Za-z0-9]{1,32}$/;

function parseNumber(number: string): string {
  const trimmed = number.trim();
  if (!CASE_NUMBER.test(trimmed)) {
    throw new BadUserInputError('A Sweeppea case number is 1 to 32 letters and digits', { provider: 'sweeppea' });
  }
  return trimmed;
}

/** Sweeppea (`https://api-v3.sweeppea.com`): one `fetchSingleTicket` call a ticket. */
export function createSweeppeaProvider(deps: ProviderDeps): Provider {
  return {
    // Reads are one ticket a call, which the upstream client holds to Sweeppea's one-at-a-time
    // limit; `/tickets/update` changes title and description.
    ...oneTicketACallProvider(deps, { provider: 'sweeppea', parseNumber, read: fetchSingleTicket, toTicket }),
    /**
     * The update answers with a few of the ticket's fields; the ticket is then read back whole
     * (its Statistics now list the update). Should that read fail, the change is still made:
     * the answer's own fields stand for the ticket rather than an error that invites a retry.
     * Either must be the ticket asked for, or it would be kept under the wrong ticket's id.
     */
    async updateTicket(update, auth, trace) {
      const http = tracedBy(deps.http, trace);
      const answer = await updateTicket(http, update, auth.secret);
      const asked = (ticket: Ticket) => askedTicket(ticket, update.number, parseNumber);
      try {
        const readBack = await fetchSingleTicket(http, update.number, auth.secret);
        return asked(toTicket(readBack, { fetchedAt: new Date().toISOString() }));
      } catch {
        return asked(fromUpdateAnswer(answer, { fetchedAt: new Date().toISOString() }));
      }
    },
  } satisfies Provider;
}
