import type { ProviderName } from '../../domain/model.js';
import { PROVIDER_CATALOG } from '../catalog.js';
import type { Provider, ProviderDeps } from '../provider.js';

/**
 * A provider's name, display name and capabilities, as catalog.ts has them, so each is written
 * once: `maxBatch` is the configured one for a provider that reads in batches, else 1.
 */
export function catalogFacts(
  name: ProviderName,
  deps: Pick<ProviderDeps, 'maxBatch'>,
): Pick<Provider, 'name' | 'displayName' | 'capabilities'> {
  const entry = PROVIDER_CATALOG[name];
  return {
    name,
    displayName: entry.displayName,
    capabilities: {
      updateTicket: entry.updateTicket,
      batchRead: entry.batchRead,
      maxBatch: entry.batchRead ? deps.maxBatch : 1,
    },
  };
}
