import { BadUserInputError } from '../../domain/errors.js';
import { oneTicketACallProvider } from '../kit/fetch-each.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { getTicket } from './client.js';
import { toTicket } from './mapper.js';

/** The seed: `number` is an integer ≥ 1; at most 10 digits once leading zeros are gone. */
const DIGITS = /^\d+$/;
const MAX_DIGITS = 10;

function parseNumber(number: string): string {
  const trimmed = number.trim();
  // "0042" and "42" are the same ticket, so they must be one DataLoader key.
  const canonical = DIGITS.test(trimmed) ? trimmed.replace(/^0+/, '') : '';
  if (canonical === '' || canonical.length > MAX_DIGITS) {
    throw new BadUserInputError(`A HostUp ticket number is a whole number from 1 to ${MAX_DIGITS} digits`, {
      provider: 'hostup',
    });
  }
  return canonical;
}

/** HostUp (`https://cloud.hostup.se`), legacy API: one `GET /api/support/tickets/{number}` a ticket. */
export function createHostupProvider(deps: ProviderDeps): Provider {
  // The legacy API has no write endpoints and reads one ticket a call.
  return oneTicketACallProvider(deps, { provider: 'hostup', parseNumber, read: getTicket, toTicket });
}
