import type { Context } from '../loading/context.js';
import { BadUserInputError } from '../domain/errors.js';
import { decodeTicketId, encodeTicketId } from '../domain/ids.js';
import type { Ticket } from '../domain/model.js';
import { builder } from './builder.js';

/** Most ids or refs one list field takes; more is a BAD_USER_INPUT error. */
export const MAX_REFS_PER_QUERY = 100;

export function assertListSize(size: number, argument: string): void {
  if (size > MAX_REFS_PER_QUERY) {
    throw new BadUserInputError(`${argument} takes at most ${MAX_REFS_PER_QUERY} entries; got ${size}`);
  }
}

export const NodeRef = builder.interfaceRef<Ticket>('Node').implement({
  description: 'An object with a global id, fetchable again with `Query.node` (Relay).',
  fields: (t) => ({
    id: t.id({
      description: 'Opaque global id; stable for the same ticket.',
      resolve: (ticket) => encodeTicketId(ticket),
    }),
  }),
  resolveType: () => 'Ticket',
});

async function loadNode(context: Context, id: string): Promise<Ticket> {
  return context.tickets.load(decodeTicketId(id));
}

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    nullable: true,
    description: 'Any object by its global id. A malformed id is a BAD_USER_INPUT error.',
    args: { id: t.arg.id({ required: true, description: 'A global id this gateway issued.' }) },
    resolve: (_root, { id }, context) => loadNode(context, String(id)),
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description:
      `Objects by global id, in the order asked (at most ${MAX_REFS_PER_QUERY}); one that fails ` +
      `is null with its own error.`,
    args: { ids: t.arg.idList({ required: true, description: 'Global ids this gateway issued.' }) },
    resolve: (_root, { ids }, context) => {
      assertListSize(ids.length, 'ids');
      return ids.map((id) => loadNode(context, String(id)));
    },
  }),
}));
