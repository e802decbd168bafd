import { describe, expect, it } from 'vitest';
import { OFFERED_CAPABILITIES, PROVIDER_NAMES } from '../../../src/domain/model.js';
import { catalogListing, PROVIDER_CATALOG } from '../../../src/providers/catalog.js';
import type { Provider } from '../../../src/providers/provider.js';
import { PROVIDER_FACTORIES } from '../../../src/providers/registry.js';
import { createDisabledUpstream } from '../../../src/upstream/disabled.js';

/** The Provider methods a capability promises, each named as its capability: the actions and the list. */
const METHODS = OFFERED_CAPABILITIES;

/** Every provider with each of its APIs (the default alone for a provider with one). */
const BUILDS = PROVIDER_NAMES.flatMap((name) =>
  (PROVIDER_CATALOG[name].apis?.map((api) => api.name) ?? [undefined]).map((api) => [name, api] as const),
);

describe('provider capabilities', () => {
  it.each(BUILDS)('%s (API %s) has listing facts exactly when it can list', (name, api) => {
    const provider = PROVIDER_FACTORIES[name]({
      http: createDisabledUpstream(name),
      timezone: 'UTC',
      maxBatch: 20,
      ...(api !== undefined && { api }),
    });
    expect(catalogListing(name, api) !== undefined).toBe(provider.capabilities.listTickets);
  });

  it.each(BUILDS)('%s (API %s) offers each action method exactly when its capability says so', (name, api) => {
    const provider: Provider = PROVIDER_FACTORIES[name]({
      http: createDisabledUpstream(name),
      timezone: 'UTC',
      maxBatch: 20,
      ...(api !== undefined && { api }),
    });
    const offered = Object.fromEntries(METHODS.map((method) => [method, typeof provider[method] === 'function']));
    const promised = Object.fromEntries(METHODS.map((method) => [method, provider.capabilities[method]]));
    expect(offered).toEqual(promised);
  });
});
