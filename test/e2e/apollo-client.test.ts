import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  InboxDocument,
  TicketPageDocument,
  TicketsByRefDocument,
  UpdateTicketDocument,
} from '../operations/generated/graphql.js';
import introspection from '../operations/generated/possible-types.js';
import { until } from '../until.js';
import { startGateway, type Gateway } from './harness.js';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

/** One request as it left the client: its method, whether it held the query text, the hash it named. */
interface Sent {
  readonly method: string;
  readonly query: boolean;
  readonly hash?: string;
}

/** `fetch`, noting what each request carried. */
function recordingFetch(sent: Sent[]): typeof fetch {
  return (input, init) => {
    const method = init?.method ?? 'GET';
    const params: Record<string, unknown> =
      method === 'GET'
        ? Object.fromEntries(new URL(String(input)).searchParams)
        : (JSON.parse(String(init?.body)) as Record<string, unknown>);
    const extensions = (typeof params.extensions === 'string' ? JSON.parse(params.extensions) : params.extensions) as
      | { persistedQuery?: { sha256Hash?: string } }
      | undefined;
    const hash = extensions?.persistedQuery?.sha256Hash;
    sent.push({ method, query: typeof params.query === 'string', ...(hash !== undefined && { hash }) });
    return fetch(input, init);
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Apollo Client 4 as a frontend sets it up: automatic persisted queries (hashing with
 * node:crypto), the cache told the schema's unions and interfaces by the generated possibleTypes,
 * and `@defer` read by the handler for the format graphql-yoga sends. Each call is a fresh page
 * load: a new, empty cache.
 */
function apolloClient(sent: Sent[], options: { getForHashedQueries?: boolean } = {}) {
  return new ApolloClient({
    link: ApolloLink.from([
      new PersistedQueryLink({ sha256, useGETForHashedQueries: options.getForHashedQueries ?? false }),
      // On its defaults: a GET of a query needs no CSRF header (useCsrfPrevention).
      new HttpLink({ uri: gateway.url, fetch: recordingFetch(sent) }),
    ]),
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
    incrementalHandler: new Defer20220824Handler(),
  });
}

const hashOnly = (method: string) => ({ method, query: false, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
const withQuery = { method: 'POST', query: true, hash: expect.stringMatching(/^[0-9a-f]{64}$/) };

describe('Apollo Client 4 with automatic persisted queries', () => {
  it('registers a query on its first run, and from then on any client sends its hash alone', async () => {
    const number = gateway.sandbox.ticketNumbers('keliweb')[0]!;
    const variables = { provider: 'KELIWEB', number } as const;
    const first: Sent[] = [];
    const { data } = await apolloClient(first).query({ query: TicketPageDocument, variables });
    expect(data?.ticket).toMatchObject({ __typename: 'Ticket', provider: 'KELIWEB', number });
    // Unknown hash: PERSISTED_QUERY_NOT_FOUND, and the link sends the query with it.
    expect(first).toEqual([hashOnly('POST'), withQuery]);
    expect(first[1]!.hash).toBe(first[0]!.hash);

    const later: Sent[] = [];
    const again = await apolloClient(later).query({ query: TicketPageDocument, variables });
    expect(later).toEqual([{ method: 'POST', query: false, hash: first[0]!.hash }]);
    expect(again.data).toEqual(data);
    expect(gateway.sandbox.calls('keliweb')).toBe(2);
  });

  it('asks by hash over GET (useGETForHashedQueries), sending the query itself by POST', async () => {
    const refs = (['sweeppea', 'hostup', 'keliweb', 'kapture'] as const).map((name) => ({
      provider: name.toUpperCase() as 'SWEEPPEA' | 'HOSTUP' | 'KELIWEB' | 'KAPTURE',
      number: gateway.sandbox.ticketNumbers(name)[0]!,
    }));
    const first: Sent[] = [];
    const { data } = await apolloClient(first, { getForHashedQueries: true }).query({
      query: TicketsByRefDocument,
      variables: { refs },
    });
    expect(data?.tickets.map((ticket) => ticket?.number)).toEqual(refs.map((ref) => ref.number));
    expect(first).toEqual([hashOnly('GET'), withQuery]);

    const later: Sent[] = [];
    const again = await apolloClient(later, { getForHashedQueries: true }).query({
      query: TicketsByRefDocument,
      variables: { refs },
    });
    expect(later).toEqual([hashOnly('GET')]);
    expect(again.data).toEqual(data);
    const calls = Object.fromEntries(
      refs.map((ref) => [ref.provider, gateway.sandbox.calls(ref.provider.toLowerCase() as 'kapture')]),
    );
    expect(calls).toEqual({ SWEEPPEA: 2, HOSTUP: 2, KELIWEB: 2, KAPTURE: 2 });
  });

  it("pages an inbox, every page after the first asked by the first page's hash", async () => {
    const sent: Sent[] = [];
    const client = apolloClient(sent);
    const variables = { provider: 'SWEEPPEA', filter: { state: 'OPEN' }, first: 20 } as const;
    const page1 = await client.query({ query: InboxDocument, variables });
    const after = page1.data?.ticketList.pageInfo.endCursor;
    expect(page1.data?.ticketList).toMatchObject({ totalCount: 45, pageInfo: { hasNextPage: true } });
    const page2 = await client.query({ query: InboxDocument, variables: { ...variables, after } });
    expect(page2.data?.ticketList.edges).toHaveLength(20);
    expect(sent).toEqual([hashOnly('POST'), withQuery, hashOnly('POST')]);
    const lists = gateway.sandbox.requests.filter((request) => request.path.endsWith('/fetchOpenTickets'));
    expect(lists.map((request) => JSON.parse(request.body).page)).toEqual([1, 2]);
  });

  it("keeps a typed error's `... on Error { message }`, the Error interface known from possibleTypes", async () => {
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const { data } = await apolloClient([]).mutate({
      mutation: UpdateTicketDocument,
      variables: { input: { provider: 'SWEEPPEA', number, title: '   ' } },
    });
    expect(data?.updateTicket).toEqual({
      __typename: 'ValidationError',
      message: 'The title must not be empty; leave it out to keep the current one',
      field: 'title',
    });
    expect(gateway.sandbox.calls('sweeppea')).toBe(0);
  });

  it('puts the updated ticket in the cache: the open ticket page shows the new title with no request', async () => {
    const sent: Sent[] = [];
    const client = apolloClient(sent);
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const variables = { provider: 'SWEEPPEA', number } as const;
    await client.query({ query: TicketPageDocument, variables });
    const readCalls = gateway.sandbox.calls('sweeppea');
    const { data } = await client.mutate({
      mutation: UpdateTicketDocument,
      variables: { input: { provider: 'SWEEPPEA', number, title: 'Renamed through Apollo' } },
    });
    expect(data?.updateTicket).toMatchObject({ __typename: 'Ticket', subject: 'Renamed through Apollo' });
    const requests = sent.length;
    expect(client.readQuery({ query: TicketPageDocument, variables })?.ticket?.subject).toBe('Renamed through Apollo');
    const cached = await client.query({ query: TicketPageDocument, variables, fetchPolicy: 'cache-only' });
    expect(cached.data?.ticket?.subject).toBe('Renamed through Apollo');
    expect(sent.length).toBe(requests);
    // The read, then the update and its read-back.
    expect({ read: readCalls, all: gateway.sandbox.calls('sweeppea') }).toEqual({ read: 1, all: 3 });
  });

  it('reads a deferred query as it fills in (Defer20220824Handler), asked by hash by the second client', async () => {
    const query: TypedDocumentNode<
      Record<string, { number: string } | null>,
      { fast: string; slow: string }
    > = parse(/* GraphQL */ `
        query FastThenSlow($fast: String!, $slow: String!) {
          fast: ticket(provider: KAPTURE, number: $fast) { id number }
          ... @defer { slow: ticket(provider: SWEEPPEA, number: $slow) { id number } }
        }
      `);
    const fast = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const slow = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    for (const [run, expected] of [
      ['first', [hashOnly('POST'), withQuery]],
      ['second', [hashOnly('POST')]],
    ] as const) {
      const sent: Sent[] = [];
      const release = gateway.sandbox.hold('sweeppea');
      const seen: { dataState: string; data: unknown }[] = [];
      const subscription = apolloClient(sent)
        .watchQuery({ query, variables: { fast, slow } })
        .subscribe((result) => seen.push({ dataState: result.dataState, data: result.data }));
      // Sweeppea cannot have answered: it is held until the fast part is in.
      await until(() => seen.some((result) => result.dataState === 'streaming'), 5_000, `${run}: no first part`);
      // Apollo adds __typename to every selection set, the deferred fragment's at the root included.
      expect(seen.find((result) => result.dataState === 'streaming')?.data).toEqual({
        __typename: 'Query',
        fast: { __typename: 'Ticket', id: expect.any(String), number: fast },
      });
      release();
      await until(() => seen.some((result) => result.dataState === 'complete'), 5_000, `${run}: never complete`);
      subscription.unsubscribe();
      expect(seen.at(-1)?.data).toEqual({
        __typename: 'Query',
        fast: { __typename: 'Ticket', id: expect.any(String), number: fast },
        slow: { __typename: 'Ticket', id: expect.any(String), number: slow },
      });
      expect(sent).toEqual(expected);
    }
    expect({ kapture: gateway.sandbox.calls('kapture'), sweeppea: gateway.sandbox.calls('sweeppea') }).toEqual({
      kapture: 2,
      sweeppea: 2,
    });
  });
});
