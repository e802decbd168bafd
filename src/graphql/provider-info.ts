import type { CircuitSnapshot, CircuitState, ProviderCapabilities, ProviderStatus } from '../domain/model.js';
import { builder } from './builder.js';
import { ProviderEnum } from './enums.js';

const CapabilitiesRef = builder.objectRef<ProviderCapabilities>('ProviderCapabilities').implement({
  description: 'What the gateway can do with a provider.',
  fields: (t) => ({
    updateTicket: t.exposeBoolean('updateTicket', { description: 'Tickets can be changed with `updateTicket`.' }),
    replyToTicket: t.exposeBoolean('replyToTicket', {
      description: "A reply can be added to a ticket's conversation with `replyToTicket`.",
    }),
    closeTicket: t.exposeBoolean('closeTicket', { description: 'An open ticket can be closed with `closeTicket`.' }),
    reopenTicket: t.exposeBoolean('reopenTicket', {
      description: 'A closed ticket can be opened again with `reopenTicket`.',
    }),
    listTickets: t.exposeBoolean('listTickets', { description: 'Tickets can be listed and paged through.' }),
    batchRead: t.exposeBoolean('batchRead', { description: 'One upstream call reads several tickets.' }),
    maxBatch: t.exposeInt('maxBatch', { description: 'Most tickets one upstream call reads.' }),
  }),
});

const CircuitStateEnum = builder.enumType('CircuitState', {
  description: "Where a provider's circuit breaker stands.",
  values: {
    CLOSED: { value: 'CLOSED', description: 'Calls flow.' },
    OPEN: {
      value: 'OPEN',
      description: 'The provider kept failing: calls fail at once with UPSTREAM_ERROR until `openUntil`.',
    },
    HALF_OPEN: {
      value: 'HALF_OPEN',
      description: 'The cool-down is over: the next call is a trial that closes or reopens the circuit.',
    },
  } satisfies Record<CircuitState, { value: CircuitState; description: string }>,
});

const CircuitRef = builder.objectRef<CircuitSnapshot>('Circuit').implement({
  description:
    "A provider's circuit breaker, shared by every request: repeated failures of the provider's health " +
    '(timeouts, unreachable, 5xx, unreadable answers; never a 4xx) open it for a cool-down.',
  fields: (t) => ({
    state: t.field({ type: CircuitStateEnum, description: 'Where it stands.', resolve: (circuit) => circuit.state }),
    consecutiveFailures: t.exposeInt('consecutiveFailures', { description: 'Unhealthy calls in a row so far.' }),
    openUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When an open circuit lets a trial call through; null unless open.',
      resolve: (circuit) => (circuit.openUntil === undefined ? null : new Date(circuit.openUntil).toISOString()),
    }),
  }),
});

const ProviderInfoRef = builder.objectRef<ProviderStatus>('ProviderInfo').implement({
  description: 'A support system the gateway knows, and whether it is configured.',
  fields: (t) => ({
    name: t.field({ type: ProviderEnum, description: 'The provider.', resolve: (status) => status.name }),
    displayName: t.exposeString('displayName', { description: 'Its name as people write it.' }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether this gateway reads from it.' }),
    capabilities: t.expose('capabilities', { type: CapabilitiesRef, description: 'What it can do.' }),
    circuit: t.field({
      type: CircuitRef,
      description: 'Its circuit breaker, as of this request.',
      resolve: (status) => status.circuit(),
    }),
  }),
});

builder.queryFields((t) => ({
  providers: t.field({
    type: [ProviderInfoRef],
    description: 'Every provider the gateway knows, enabled or not.',
    resolve: (_root, _args, context) => [...context.providers.values()],
  }),
}));
