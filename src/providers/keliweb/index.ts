import { BadUserInputError, UpstreamInvalidResponseError } from '../../domain/errors.js';
import { oneTicketACallProvider } from '../kit/fetch-each.js';
import { readBack, readOne } from '../kit/read-back.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { tracedBy } from '../../upstream/traced.js';
import { addTicketReply, getTicket } from './client.js';
import { toTicket } from './mapper.js';
import { internalIdOf } from './payload.js';

/**
 * WHMCS ticket masks are letters, digits and dashes ('516757', 'ABC-123456'). Nothing else can
 * be a ticket number, so nothing that could change a form field or a header reaches Keliweb.
 */
const TICKET_NUMBER = /^[A-Za-z0-9-]{1,32}$/;

function parseNumber(number: string): string {
  const trimmed = number.trim();
  if (!TICKET_NUMBER.test(trimmed)) {
    throw new BadUserInputError('A Keliweb ticket number is 1 to 32 letters, digits and dashes', {
      provider: 'keliweb',
    });
  }
  // WHMCS finds a mask case-blind (MySQL's default collation), so 'abc-1' and 'ABC-1' are one
  // ticket: upper case makes them one DataLoader key and one upstream call. The ticket's
  // `number` is still the mask as Keliweb sends it.
  return trimmed.toUpperCase();
}

/** Keliweb (`https://apiv2.keliweb.it`, WHMCS behind Laravel): one `get-ticket` call a ticket. */
export function createKeliwebProvider(deps: ProviderDeps): Provider {
  // docs/providers/keliweb.md: replies can be added but tickets not updated; get-ticket reads one
  // ticket. One call a number, all at once; the upstream client holds them to the concurrency limit.
  const reading = oneTicketACallProvider(deps, { provider: 'keliweb', parseNumber, read: getTicket, toTicket });
  return {
    ...reading,
    /**
     * add-ticket-reply takes the internal `ticketid`, which only get-ticket's answer gives: it is
     * read from `current.raw` (docs/providers/keliweb.md, Writes). WHMCS takes replies to closed
     * tickets too, so a closed `current` is sent all the same. The answer says only "success":
     * the ticket is read back, the reply in its thread.
     */
    async replyToTicket(current, body, auth, trace) {
      const number = parseNumber(current.number);
      const ticketid = internalIdOf(current.raw);
      if (ticketid === null) {
        throw new UpstreamInvalidResponseError(
          `Keliweb's answer for ticket ${number} had no internal ticketid to reply with; nothing was sent`,
          { provider: 'keliweb' },
        );
      }
      await addTicketReply(tracedBy(deps.http, trace), { ticketid, number, message: body }, auth.secret);
      return readBack(
        { provider: 'keliweb', number, parseNumber, done: `Keliweb added the reply to ticket ${number}` },
        () => readOne(reading, number, auth, trace),
      );
    },
  } satisfies Provider;
}
