/**
 * What a frontend does with ticket-graph, typed end to end by the documents GraphQL Code
 * Generator makes from test/operations/*.graphql (`npm run codegen`). With the gateway running
 * (`npm start`), `npx tsx examples/frontend.ts` opens a ticket page, lists tickets across
 * providers, shows the first two pages of an inbox and renames a Sweeppea ticket in the sandbox. The end-to-end tests call the same
 * functions.
 */
import { pathToFileURL } from 'node:url';
import { print } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import {
  InboxDocument,
  TicketsByRefDocument,
  TicketPageDocument,
  UpdateTicketDocument,
  type InboxQuery,
  type ListableProvider,
  type Provider,
  type TicketListFilter,
  type TicketsByRefQuery,
  type TicketPageQuery,
  type UpdatableProvider,
} from '../test/operations/generated/graphql.js';

export type TicketPage = NonNullable<TicketPageQuery['ticket']>;
export type TicketRow = TicketsByRefQuery['tickets'][number];

/** The ticket page: the ticket, its conversation oldest first, internal notes and files; null when it does not exist. */
export async function ticketPage(
  client: GraphQLClient,
  provider: Provider,
  number: string,
): Promise<TicketPage | null> {
  const { ticket } = await client.request(TicketPageDocument, { provider, number });
  return ticket;
}

/**
 * A list of tickets from any providers, in the order asked. One that cannot be read is null in
 * its place, its error beside the data, so the rest of the list still shows.
 */
export type ListRow =
  | { readonly ticket: NonNullable<TicketRow> }
  | { readonly failure: { readonly code: string; readonly message: string } };

export async function ticketsByRef(
  client: GraphQLClient,
  refs: { provider: Provider; number: string }[],
): Promise<ListRow[]> {
  // rawRequest keeps the errors beside the data; the generated type still types the data.
  const { data, errors = [] } = await client.rawRequest<TicketsByRefQuery>(print(TicketsByRefDocument), { refs });
  const failures = new Map(
    errors.map((error) => [
      error.path?.[1],
      { code: String(error.extensions?.code ?? 'UNKNOWN'), message: error.message },
    ]),
  );
  return data.tickets.map(
    (ticket, index): ListRow =>
      ticket ? { ticket } : { failure: failures.get(index) ?? { code: 'UNKNOWN', message: 'not read' } },
  );
}

export type InboxRow = InboxQuery['ticketList']['edges'][number]['node'];

/** One page of an inbox and where the next one starts (null on the last), or why there is none. */
export type InboxPage =
  | { readonly rows: readonly InboxRow[]; readonly total: number | null; readonly next: string | null }
  | { readonly failure: { readonly code: string; readonly message: string } };

/**
 * One page of a provider's tickets, newest first: pass the page's `next` as `after` for the one
 * after it. Every field the inbox shows is one a list answer gives, so a page costs the
 * provider's list calls alone (a Sweeppea subject the list may have cut is read whole). A refusal
 * comes back as `failure`: BAD_USER_INPUT says what to change (Kapture lists a date range only;
 * a cursor from before the gateway's cursor key changed means starting again without `after`).
 */
export async function inboxPage(
  client: GraphQLClient,
  provider: ListableProvider,
  filter: TicketListFilter,
  after: string | null = null,
  first = 20,
): Promise<InboxPage> {
  // rawRequest keeps the errors: a refused list answers `data: null` and says why.
  const { data, errors = [] } = await client.rawRequest<InboxQuery | null>(print(InboxDocument), {
    provider,
    filter,
    first,
    after,
  });
  const list = data?.ticketList;
  if (!list) {
    const error = errors[0];
    return { failure: { code: String(error?.extensions?.code ?? 'UNKNOWN'), message: error?.message ?? 'not read' } };
  }
  return {
    rows: list.edges.map((edge) => edge.node),
    total: list.totalCount ?? null,
    next: list.pageInfo.hasNextPage ? (list.pageInfo.endCursor ?? null) : null,
  };
}

/** What the update form shows after saving: the saved ticket, or why not, with where to point. */
export type RenameOutcome =
  | { readonly saved: { id: string; subject: string | null } }
  | { readonly invalid: string; readonly field: string }
  | { readonly refused: string; readonly retryAfter?: number };

export async function renameTicket(
  client: GraphQLClient,
  provider: UpdatableProvider,
  number: string,
  title: string,
): Promise<RenameOutcome> {
  const { updateTicket: result } = await client.request(UpdateTicketDocument, { input: { provider, number, title } });
  switch (result.__typename) {
    case 'Ticket':
      return { saved: { id: result.id, subject: result.subject } };
    case 'ValidationError':
      return { invalid: result.message, field: result.field };
    case 'UpstreamError':
      return { refused: result.message, ...(result.retryAfter != null && { retryAfter: result.retryAfter }) };
    default:
      // TicketClosedError, NotFoundError, ForbiddenError, UnauthenticatedError, UnsupportedError.
      return { refused: result.message };
  }
}

async function main(): Promise<void> {
  const client = new GraphQLClient(process.env.GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql', { errorPolicy: 'all' });
  const page = await ticketPage(client, 'SWEEPPEA', 'HYXTNJV');
  console.log(
    `${page?.subject} — ${page?.replies.length} replies, ${page?.notes.length} notes, ${page?.attachments.length} files`,
  );
  const rows = await ticketsByRef(client, [
    { provider: 'KAPTURE', number: '713504166460' },
    { provider: 'HOSTUP', number: '594599' },
    { provider: 'KELIWEB', number: '000000' },
  ]);
  for (const row of rows)
    console.log(
      'ticket' in row
        ? `${row.ticket.provider} ${row.ticket.number}: ${row.ticket.subject}`
        : `failed: ${row.failure.code}`,
    );
  const open = { state: 'OPEN' } as const;
  const inbox = await inboxPage(client, 'SWEEPPEA', open, null, 5);
  if ('rows' in inbox) {
    const more = inbox.next === null ? undefined : await inboxPage(client, 'SWEEPPEA', open, inbox.next, 5);
    console.log(`Sweeppea inbox: ${inbox.total} open tickets`);
    for (const row of [...inbox.rows, ...(more && 'rows' in more ? more.rows : [])])
      console.log(`  ${row.createdAt} ${row.number} [${row.priority}] ${row.subject}`);
  }
  // Kapture lists by creation date only, at most 31 days at a time: without the dates it says so.
  const week = { createdAfter: '2026-03-02T00:00:00+05:30', createdBefore: '2026-03-09T00:00:00+05:30' };
  const kapture = await inboxPage(client, 'KAPTURE', week);
  console.log('rows' in kapture ? `Kapture, a week: ${kapture.rows.length} tickets` : kapture.failure.message);
  const undated = await inboxPage(client, 'KAPTURE', {});
  console.log('failure' in undated ? `refused: ${undated.failure.code}: ${undated.failure.message}` : 'listed');
  // Not a ticket of GraphiQL's opening query, so its answer stays as the README shows it.
  console.log(await renameTicket(client, 'SWEEPPEA', '2379095', 'Renamed from examples/frontend.ts'));
  console.log(await renameTicket(client, 'SWEEPPEA', '2379095', '   '));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
