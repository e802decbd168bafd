import { BadUserInputError } from '../../domain/errors.js';
import { oneTicketACallProvider } from '../kit/fetch-each.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { getTicket } from './client.js';
import { toTicket } from './mapper.js';

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
  return oneTicketACallProvider(deps, { provider: 'keliweb', parseNumber, read: getTicket, toTicket });
}
