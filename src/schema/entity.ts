import { BadUserInputError } from '../errors.js';
import { decodeTicketId } from '../ids.js';
import { isProviderName, type TicketRef } from '../model.js';
import { builder } from './builder.js';
import { TicketObject } from './ticket.js';

/**
 * Reads a representation into a ref. The router copies key fields as they were served, so
 * `provider` is the enum's name (`KAPTURE`); anything else is the caller's mistake, reported
 * for that entity alone.
 */
export function refOfRepresentation(representation: Record<string, unknown>): TicketRef {
  const { id, provider, number } = representation;
  if (typeof id === 'string') return decodeTicketId(id);
  if (typeof provider === 'string' && typeof number === 'string') {
    const name = provider.toLowerCase();
    if (provider === provider.toUpperCase() && isProviderName(name)) return { provider: name, number };
    throw new BadUserInputError('A Ticket representation names no provider this gateway knows');
  }
  throw new BadUserInputError('A Ticket representation needs the key `id`, or `provider` and `number`, as strings');
}

// Keyed by the global id and by the natural key, so a subgraph that knows a ticket by the number
// its customer quotes can point at it without asking us for an id. Both resolve through the
// request's DataLoaders: a router's batch of 100 Kapture representations is ⌈100 / maxBatch⌉ calls.
builder.asEntity(TicketObject, {
  key: [builder.selection<{ id: string }>('id'), builder.selection<{ provider: string; number: string }>('provider number')],
  // Async, so a bad representation rejects for its own entity: a synchronous throw here would
  // fail the router's whole list.
  resolveReference: async (representation, context) =>
    context.tickets.load(refOfRepresentation(representation as Record<string, unknown>)),
});
