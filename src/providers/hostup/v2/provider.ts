import { oneTicketACallProvider } from '../../kit/fetch-each.js';
import type { Provider, ProviderDeps } from '../../provider.js';
import { parseHostupNumber } from '../ticket-number.js';
import { getTicketV2 } from './client.js';
import { toTicketV2 } from './mapper.js';

const provider = 'hostup';

/**
 * HostUp's v2 API (`HOSTUP_API=v2`, docs/providers/hostup.md): one `GET /api/v2/support/tickets/{number}`
 * a ticket.
 */
export function createHostupV2Provider(deps: ProviderDeps): Provider {
  return oneTicketACallProvider(deps, {
    provider,
    parseNumber: parseHostupNumber,
    read: getTicketV2,
    toTicket: toTicketV2,
  });
}
