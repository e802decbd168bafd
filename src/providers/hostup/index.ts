import { BadUserInputError } from '../../domain/errors.js';
import { fetchEach } from '../kit/fetch-each.js';
import { PROVIDER_CATALOG } from '../catalog.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { tracedBy } from '../../upstream/traced.js';
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
  return {
    name: 'hostup',
    displayName: PROVIDER_CATALOG.hostup.displayName,
    // The legacy API has no write endpoints and reads one ticket a call.
    capabilities: {
      updateTicket: PROVIDER_CATALOG.hostup.updateTicket,
      batchRead: PROVIDER_CATALOG.hostup.batchRead,
      maxBatch: 1,
    },
    parseNumber,
    fetchTickets(numbers, auth, trace) {
      const http = tracedBy(deps.http, trace);
      return fetchEach(numbers, 'hostup', parseNumber, async (number) =>
        toTicket(await getTicket(http, number, auth.secret), {
          timezone: deps.timezone,
          fetchedAt: new Date().toISOString(),
        }),
      );
    },
  } satisfies Provider;
}
