import { LIST_STATES, type ListState, MAX_PAGE_SIZE, MAX_SEARCH_LENGTH } from '../domain/ticket-list.js';
import type { ListPage } from '../loading/ticket-loader.js';
import { catalogListings, PROVIDER_CATALOG, PROVIDERS_THAT_CAN } from '../providers/catalog.js';
import { builder } from './builder.js';
import { capableProviderEnum } from './enums.js';
import { TicketObject } from './ticket.js';

// A connection after the Relay specification, written out rather than taken from
// @pothos/plugin-relay: that plugin brings its own Node interface and global ids, and the graph
// has its own; the three types below are all a list needs.

/**
 * What each provider's list can filter by, from the catalog's listing facts, e.g. "Kapture CRM:
 * `state`, `createdAfter`, `createdBefore` (required: `createdAfter`, `createdBefore`; at most 31
 * days apart)". A provider that lists through one of its APIs only says which.
 */
function listingFilters(): string {
  const code = (names: readonly string[]) => names.map((filter) => `\`${filter}\``).join(', ');
  return catalogListings()
    .map(({ name, api, facts }) => {
      const rules = [
        ...(facts.requires?.length ? [`required: ${code(facts.requires)}`] : []),
        ...(facts.maxCreatedSpanDays ? [`at most ${facts.maxCreatedSpanDays} days apart`] : []),
      ];
      const through = api === undefined ? '' : ` (\`${name.toUpperCase()}_API=${api}\`)`;
      const said = rules.length ? ` (${rules.join('; ')})` : '';
      return `${PROVIDER_CATALOG[name].displayName}${through}: ${code(facts.filters)}${said}`;
    })
    .join('. ');
}

const stateDescriptions: Record<ListState, string> = {
  OPEN: 'Every ticket that is not closed, whatever else its status says.',
  CLOSED: 'Closed tickets.',
  ANY: 'Every ticket.',
};

const TicketStateEnum = builder.enumType('TicketState', {
  description: 'Which tickets a list holds, by whether they are closed.',
  values: Object.fromEntries(
    LIST_STATES.map((state) => [state, { value: state, description: stateDescriptions[state] }]),
  ) as Record<ListState, { value: ListState; description: string }>,
});

const TicketListFilterInput = builder.inputType('TicketListFilter', {
  description:
    'Which tickets a list holds. Each provider applies the filters its API can; one it cannot is a ' +
    `BAD_USER_INPUT error naming the filter, before any call. ${listingFilters()}.`,
  fields: (t) => ({
    state: t.field({ type: TicketStateEnum, defaultValue: 'ANY', description: 'Open, closed, or both.' }),
    search: t.string({
      description:
        `Words the provider matches against its tickets, as it matches them (at most ${MAX_SEARCH_LENGTH} ` +
        'characters; blank is no search).',
    }),
    createdAfter: t.field({ type: 'DateTime', description: 'Only tickets created at or after this instant.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Only tickets created before this instant.' }),
  }),
});

const PageInfoObject = builder.objectRef<ListPage['pageInfo']>('PageInfo').implement({
  description: 'Where a page of a connection stands (Relay).',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', {
      description: 'Whether tickets follow this page: ask again with `after: endCursor`.',
    }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', {
      description: 'Whether tickets come before this page (it was asked for `after` a cursor).',
    }),
    startCursor: t.exposeString('startCursor', { nullable: true, description: "The first edge's cursor." }),
    endCursor: t.exposeString('endCursor', {
      nullable: true,
      description: "The last edge's cursor; null on an empty page.",
    }),
  }),
});

type Edge = ListPage['edges'][number];

const TicketEdgeObject = builder.objectRef<Edge>('TicketEdge').implement({
  description: 'A ticket in a list, and where the list resumes after it.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', {
      description: 'Opaque; valid for the same provider and filter only, as `after`.',
    }),
    node: t.field({ type: TicketObject, description: 'The ticket.', resolve: (edge) => edge.node }),
  }),
});

const TicketConnectionObject = builder.objectRef<ListPage>('TicketConnection').implement({
  description:
    'A page of tickets, newest created first (Relay). Fields the list answer gives are answered from it, as ' +
    "of the list's read; any other field reads the ticket through the request's batched loader.",
  fields: (t) => ({
    edges: t.field({
      type: [TicketEdgeObject],
      description: 'The tickets of this page.',
      resolve: (page) => page.edges,
    }),
    nodes: t.field({
      type: [TicketObject],
      description: 'The same tickets without their cursors.',
      resolve: (page) => page.edges.map((edge) => edge.node),
    }),
    pageInfo: t.field({
      type: PageInfoObject,
      description: 'Where this page stands.',
      resolve: (page) => page.pageInfo,
    }),
    totalCount: t.int({
      nullable: true,
      description: 'How many tickets match, where the provider says; null where it does not.',
      resolve: (page) => page.totalCount,
    }),
  }),
});

if (PROVIDERS_THAT_CAN.listTickets.length > 0) {
  const ListableProviderEnum = capableProviderEnum(
    'ListableProvider',
    'listTickets',
    `The enabled providers whose tickets \`ticketList\` can list, and what each can filter by: ${listingFilters()}.`,
  );
  builder.queryField('ticketList', (t) =>
    t.field({
      type: TicketConnectionObject,
      description:
        "One provider's tickets, newest created first, a page at a time (Relay). A bad `first`, a cursor " +
        'this gateway did not issue for this provider and filter, or a filter the provider cannot apply ' +
        'is a BAD_USER_INPUT error before any call.',
      args: {
        provider: t.arg({ type: ListableProviderEnum, required: true, description: 'The system to list.' }),
        filter: t.arg({ type: TicketListFilterInput, description: 'Which tickets; all of them when absent.' }),
        first: t.arg.int({ defaultValue: 20, description: `How many tickets, 1 to ${MAX_PAGE_SIZE}.` }),
        after: t.arg.string({ description: 'Start after this cursor (an `endCursor` or an edge `cursor`).' }),
      },
      resolve: (_root, { provider, filter, first, after }, context) =>
        context.tickets.list(provider, { filter, first: first ?? null, after }),
    }),
  );
}
