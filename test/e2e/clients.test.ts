import { cacheExchange, Client, fetchExchange, type OperationResult } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DeferredTicketDocument,
  TicketPageDocument,
  TicketsByRefDocument,
  UpdateTicketDocument,
  type DeferredTicketQuery,
} from '../operations/generated/graphql.js';
import { startGateway, type Gateway } from './harness.js';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.sandbox.reset();
  methods.length = 0;
});

/** The HTTP method of every request a client sent, in order: the real fetch, watched. */
const methods: string[] = [];
const watchedFetch: typeof fetch = (input, init) => {
  methods.push(init?.method ?? (input instanceof Request ? input.method : 'GET'));
  return fetch(input, init);
};

const PROVIDERS = ['sweeppea', 'hostup', 'keliweb', 'kapture'] as const;
const refs = () =>
  PROVIDERS.map((name) => ({
    provider: name.toUpperCase() as Uppercase<(typeof PROVIDERS)[number]>,
    number: gateway.sandbox.ticketNumbers(name)[0]!,
  }));
const callsByProvider = () => PROVIDERS.map((name) => gateway.sandbox.calls(name));

/** Every result urql emits for one query (a deferred part is a later result), until the last. */
function urqlResults<T>(source: { subscribe(next: (result: OperationResult<T>) => void): unknown }) {
  return new Promise<OperationResult<T>[]>((resolve) => {
    const results: OperationResult<T>[] = [];
    source.subscribe((result) => {
      results.push(result);
      if (!result.hasNext && !result.stale) resolve(results);
    });
  });
}

describe('urql (@urql/core 6) on its defaults', () => {
  // What urql's docs set up: the document cache and fetch, nothing else changed. Queries go as
  // GET (`preferGetMethod: 'within-url-limit'`), mutations as POST.
  const urql = () => new Client({ url: gateway.url, exchanges: [cacheExchange, fetchExchange], fetch: watchedFetch });

  it('reads four providers in one GET query, one upstream call a ticket', async () => {
    const result = await urql().query(TicketsByRefDocument, { refs: refs() }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.tickets.map((ticket) => ticket?.provider)).toEqual([
      'SWEEPPEA',
      'HOSTUP',
      'KELIWEB',
      'KAPTURE',
    ]);
    expect(methods).toEqual(['GET']);
    expect(callsByProvider()).toEqual([1, 1, 1, 1]);
  });

  it('runs the update flow: the mutation as POST, then the page shows the new title', async () => {
    const client = urql();
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const before = await client.query(TicketPageDocument, { provider: 'SWEEPPEA', number }).toPromise();
    expect(before.data?.ticket?.subject).not.toBe('Renamed by urql');
    const updated = await client
      .mutation(UpdateTicketDocument, { input: { provider: 'SWEEPPEA', number, title: 'Renamed by urql' } })
      .toPromise();
    expect(updated.data?.updateTicket).toMatchObject({ __typename: 'Ticket', subject: 'Renamed by urql' });
    const after = await client
      .query(TicketPageDocument, { provider: 'SWEEPPEA', number }, { requestPolicy: 'network-only' })
      .toPromise();
    expect(after.data?.ticket?.subject).toBe('Renamed by urql');
    expect(methods).toEqual(['GET', 'POST', 'GET']);
  });

  it('shows a refused update as its typed error, with its message', async () => {
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const result = await urql()
      .mutation(UpdateTicketDocument, { input: { provider: 'SWEEPPEA', number, title: ' ' } })
      .toPromise();
    expect(result.data?.updateTicket).toEqual({
      __typename: 'ValidationError',
      message: expect.stringMatching(/title/i),
      field: 'title',
    });
    expect(gateway.sandbox.calls('sweeppea')).toBe(0);
  });

  it('gets a @defer query in parts over GET: the fast ticket first, the slow one after', async () => {
    const variables = {
      kapture: gateway.sandbox.ticketNumbers('kapture')[0]!,
      sweeppea: gateway.sandbox.ticketNumbers('sweeppea')[0]!,
    };
    const results = await urqlResults<DeferredTicketQuery>(urql().query(DeferredTicketDocument, variables));
    expect(results.length).toBeGreaterThan(1);
    expect(results[0]?.data).toEqual({
      __typename: 'Query',
      fast: expect.objectContaining({ id: expect.any(String) }),
    });
    expect(results[0]?.hasNext).toBe(true);
    const last = results.at(-1)!;
    expect(last.error).toBeUndefined();
    expect(last.data).toMatchObject({ slow: { id: expect.any(String), replies: expect.any(Array) } });
    expect(methods).toEqual(['GET']);
    expect(callsByProvider()).toEqual([1, 0, 0, 1]);
  });
});

describe('graphql-request 7 on its defaults, and with GET', () => {
  const client = (method?: 'GET') => new GraphQLClient(gateway.url, { fetch: watchedFetch, ...(method && { method }) });

  it.each([['POST'], ['GET']] as const)(
    'reads four providers in one %s query, one upstream call a ticket',
    async (method) => {
      const data = await client(method === 'GET' ? 'GET' : undefined).request(TicketsByRefDocument, { refs: refs() });
      expect(data.tickets.map((ticket) => ticket?.number)).toEqual(refs().map((ref) => ref.number));
      expect(methods).toEqual([method]);
      expect(callsByProvider()).toEqual([1, 1, 1, 1]);
    },
  );

  it('runs the update flow', async () => {
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const data = await client().request(UpdateTicketDocument, {
      input: { provider: 'SWEEPPEA', number, title: 'Renamed by graphql-request' },
    });
    expect(data.updateTicket).toMatchObject({ __typename: 'Ticket', subject: 'Renamed by graphql-request' });
    const page = await client('GET').request(TicketPageDocument, { provider: 'SWEEPPEA', number });
    expect(page.ticket?.subject).toBe('Renamed by graphql-request');
  });

  it('gets a @defer query whole, as one JSON answer: it accepts no multipart answer', async () => {
    const variables = {
      kapture: gateway.sandbox.ticketNumbers('kapture')[0]!,
      sweeppea: gateway.sandbox.ticketNumbers('sweeppea')[0]!,
    };
    for (const method of [undefined, 'GET'] as const) {
      const data = await client(method).request(DeferredTicketDocument, variables);
      expect(data.fast?.id).toEqual(expect.any(String));
      expect(data).toMatchObject({ slow: { id: expect.any(String), replies: expect.any(Array) } });
    }
    expect(methods).toEqual(['POST', 'GET']);
    expect(callsByProvider()).toEqual([2, 0, 0, 2]);
  });
});
