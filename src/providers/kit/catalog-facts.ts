import type { ProviderName } from '../../domain/model.js';
import { catalogCapabilities, PROVIDER_CATALOG } from '../catalog.js';
import type { Provider, ProviderDeps } from '../provider.js';

/**
 * A provider's name, display name and capabilities, as catalog.ts has them for its configured
 * API, so each is written once: `maxBatch` is the configured one for a provider that reads in
 * batches, else 1.
 */
export function catalogFacts(
  name: ProviderName,
  deps: Pick<ProviderDeps, 'maxBatch' | 'api'>,
): Pick<Provider, 'name' | 'displayName' | 'capabilities'> {
  const capabilities = catalogCapabilities(name, deps.api);
  return {
    name,
    displayName: PROVIDER_CATALOG[name].displayName,
    capabilities: { ...capabilities, maxBatch: capabilities.batchRead ? deps.maxBatch : 1 },
  };
}
