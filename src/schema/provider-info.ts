import type { ProviderCapabilities } from '../providers/provider.js';
import type { RegisteredProvider } from '../providers/registry.js';
import { builder } from './builder.js';
import { ProviderEnum } from './enums.js';

const CapabilitiesRef = builder.objectRef<ProviderCapabilities>('ProviderCapabilities').implement({
  description: 'What the gateway can do with a provider.',
  fields: (t) => ({
    updateTicket: t.exposeBoolean('updateTicket', { description: 'Tickets can be changed with `updateTicket`.' }),
    batchRead: t.exposeBoolean('batchRead', { description: 'One upstream call reads several tickets.' }),
    maxBatch: t.exposeInt('maxBatch', { description: 'Most tickets one upstream call reads.' }),
  }),
});

const ProviderInfoRef = builder.objectRef<RegisteredProvider>('ProviderInfo').implement({
  description: 'A support system the gateway knows, and whether it is configured.',
  fields: (t) => ({
    name: t.field({ type: ProviderEnum, description: 'The provider.', resolve: (entry) => entry.provider.name }),
    displayName: t.string({ description: 'Its name as people write it.', resolve: (entry) => entry.provider.displayName }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether this gateway reads from it.' }),
    capabilities: t.field({
      type: CapabilitiesRef,
      description: 'What it can do.',
      resolve: (entry) => entry.provider.capabilities,
    }),
  }),
});

builder.queryFields((t) => ({
  providers: t.field({
    type: [ProviderInfoRef],
    description: 'Every provider the gateway knows, enabled or not.',
    resolve: (_root, _args, context) => context.registry.entries,
  }),
}));
