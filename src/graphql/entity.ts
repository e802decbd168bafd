import { BadUserInputError } from '../domain/errors.js';
import { decodeTicketId } from '../domain/ids.js';
import type { TicketRef } from '../domain/model.js';
import { builder } from './builder.js';
import { PROVIDER_BY_ENUM_NAME } from './enums.js';
import { TicketObject } from './ticket.js';

/**
 * Reads a representation into a ref. A router copies key fields as they were served, so
 * `provider` is the enum's name (`KAPTURE`). Anything else, or an `id` that names another ticket
 * than `provider` and `number` beside it, is the caller's mistake, reported for that entity alone.
 */
function refOfRepresentation(representation: Record<string, unknown>): TicketRef {
  const { id, provider, number } = representation;
  const byKey = provider !== undefined || number !== undefined ? naturalKey(provider, number) : undefined;
  if (id === undefined) {
    if (byKey) return byKey;
    throw new BadUserInputError('A Ticket representation needs the key `id`, or `provider` and `number`');
  }
  if (typeof id !== 'string') throw new BadUserInputError("A Ticket representation's `id` must be a string");
  const byId = decodeTicketId(id);
  if (byKey && (byKey.provider !== byId.provider || byKey.number !== byId.number)) {
    throw new BadUserInputError("A Ticket representation's `id` names another ticket than its `provider` and `number`");
  }
  return byId;
}

function naturalKey(provider: unknown, number: unknown): TicketRef {
  if (typeof provider !== 'string' || typeof number !== 'string') {
    throw new BadUserInputError("A Ticket representation's `provider` and `number` must both be strings");
  }
  const name = PROVIDER_BY_ENUM_NAME.get(provider);
  if (!name)
    throw new BadUserInputError(`A Ticket representation's \`provider\` must be a Provider enum value, e.g. KAPTURE`);
  return { provider: name, number };
}

// Keyed by the global id and by the natural key, so a subgraph that knows a ticket by the number
// its customer quotes can point at it without asking us for an id. Both resolve through the
// request's DataLoaders: a router's batch of 100 Kapture representations is ⌈100 / maxBatch⌉ calls.
builder.asEntity(TicketObject, {
  key: [
    builder.selection<{ id: string }>('id'),
    builder.selection<{ provider: string; number: string }>('provider number'),
  ],
  // Async, so a bad representation rejects for its own entity: a synchronous throw here would
  // fail the router's whole list.
  resolveReference: async (representation, context) =>
    context.tickets.load(refOfRepresentation(representation as Record<string, unknown>)),
});
