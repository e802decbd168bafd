import { oneTicketACallProvider } from '../kit/fetch-each.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { getTicket } from './client.js';
import { toTicket } from './mapper.js';
import { parseHostupNumber } from './ticket-number.js';

/** HostUp (`https://cloud.hostup.se`), legacy API: one `GET /api/support/tickets/{number}` a ticket. */
export function createHostupProvider(deps: ProviderDeps): Provider {
  // The legacy API has no write endpoints and reads one ticket a call.
  return oneTicketACallProvider(deps, {
    provider: 'hostup',
    parseNumber: parseHostupNumber,
    read: getTicket,
    toTicket,
  });
}
