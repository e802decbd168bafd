import { oneTicketACallProvider } from '../kit/fetch-each.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { getTicket } from './client.js';
import { toTicket } from './mapper.js';
import { parseHostupNumber } from './ticket-number.js';
import { createHostupV2Provider } from './v2/provider.js';

/**
 * HostUp (`https://cloud.hostup.se`), through the API its key is for (`HOSTUP_API`): the legacy
 * API by default, one `GET /api/support/tickets/{number}` a ticket and no writes; or v2, which
 * also replies, closes and reopens (docs/providers/hostup.md).
 */
export function createHostupProvider(deps: ProviderDeps): Provider {
  if (deps.api === 'v2') return createHostupV2Provider(deps);
  return oneTicketACallProvider(deps, {
    provider: 'hostup',
    parseNumber: parseHostupNumber,
    read: getTicket,
    toTicket,
  });
}
