import { describe, expect, it } from 'vitest';
import { BadUserInputError, UnauthenticatedError } from '../../../src/domain/errors.js';
import type { ListingFacts, TicketListQuery, TicketPage } from '../../../src/domain/ticket-list.js';
import { createTicketLoader } from '../../../src/loading/ticket-loader.js';
import type { Credential, CredentialSource, Provider } from '../../../src/providers/provider.js';
import { fixedCredential, type ProviderRegistry, type RegisteredProvider } from '../../../src/providers/registry.js';
import { CLOSED_CIRCUIT } from '../../../src/upstream/breaker.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const FACTS: ListingFacts = { filters: ['state', 'search'] };

/**
 * A provider whose list is the numbers 30 down to 1, newest first, read in pages of what is
 * asked; each edge's position is its number. It records every call it is asked to make.
 */
function listingProvider(refuse: (secret: string) => boolean = () => false) {
  const calls: { query: TicketListQuery; secret: string }[] = [];
  const provider: Provider = {
    name: 'sweeppea',
    displayName: 'Sweeppea',
    capabilities: {
      updateTicket: false,
      replyToTicket: false,
      closeTicket: false,
      reopenTicket: false,
      listTickets: true,
      batchRead: false,
      maxBatch: 1,
    },
    parseNumber: (number) => number,
    fetchTickets: async () => [],
    async listTickets(query, auth): Promise<TicketPage> {
      calls.push({ query, secret: auth.secret });
      if (refuse(auth.secret)) throw new UnauthenticatedError('refused', { provider: 'sweeppea' });
      const start = typeof query.after === 'number' ? query.after - 1 : 30;
      const numbers = Array.from({ length: Math.min(query.first, start) }, (_, index) => start - index);
      return {
        edges: numbers.map((number) => ({
          ticket: { provider: 'sweeppea', number: String(number), listed: { subject: `Ticket ${number}` } },
          position: number,
        })),
        hasNextPage: (numbers.at(-1) ?? 1) > 1,
        totalCount: 30,
      };
    },
  };
  return { provider, calls };
}

function registryOf(provider: Provider, credential: CredentialSource | undefined, listing?: ListingFacts) {
  const entry: RegisteredProvider = { provider, enabled: true, credential, listing, circuit: () => CLOSED_CIRCUIT };
  return { get: () => entry } as Pick<ProviderRegistry, 'get'>;
}

describe('TicketLoader.list', () => {
  it('answers a page with a cursor an edge, and resumes after the cursor it was given', async () => {
    const { provider, calls } = listingProvider();
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('key'), FACTS),
      {},
      { cursorSecret: SECRET },
    );
    const first = await loader.list('sweeppea', { first: 3 });
    expect(first.edges.map((edge) => edge.node.number)).toEqual(['30', '29', '28']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.startCursor).toBe(first.edges[0]!.cursor);
    expect(first.pageInfo.endCursor).toBe(first.edges[2]!.cursor);
    expect(first.totalCount).toBe(30);
    const next = await loader.list('sweeppea', { first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((edge) => edge.node.number)).toEqual(['27', '26']);
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    expect(calls.map((call) => call.query)).toEqual([
      { filter: { state: 'ANY' }, first: 3 },
      { filter: { state: 'ANY' }, first: 2, after: 28 },
    ]);
  });

  it('passes the checked filter on', async () => {
    const { provider, calls } = listingProvider();
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('key'), FACTS),
      {},
      { cursorSecret: SECRET },
    );
    await loader.list('sweeppea', { first: 1, filter: { state: 'OPEN', search: ' printer ' } });
    expect(calls[0]!.query.filter).toEqual({ state: 'OPEN', search: 'printer' });
  });

  it.each([
    ['a first over 100', { first: 101 }],
    ['a first of 0', { first: 0 }],
    ['a filter the provider cannot apply', { first: 5, filter: { createdAfter: '2026-01-01T00:00:00Z' } }],
    ['a forged cursor', { first: 5, after: 'c1.e30.AAAAAAAAAAAAAAAAAAAAAA' }],
  ])('refuses %s before any call', async (_name, request) => {
    const { provider, calls } = listingProvider();
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('key'), FACTS),
      {},
      { cursorSecret: SECRET },
    );
    await expect(loader.list('sweeppea', request)).rejects.toBeInstanceOf(BadUserInputError);
    expect(calls).toEqual([]);
  });

  it('refuses a cursor issued for another filter before any call', async () => {
    const { provider, calls } = listingProvider();
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('key'), FACTS),
      {},
      { cursorSecret: SECRET },
    );
    const page = await loader.list('sweeppea', { first: 2, filter: { state: 'OPEN' } });
    await expect(
      loader.list('sweeppea', { first: 2, filter: { state: 'CLOSED' }, after: page.pageInfo.endCursor }),
    ).rejects.toThrow('`after` is a cursor of this list with another filter');
    expect(calls).toHaveLength(1);
  });

  it('refuses a provider that cannot list, and one with no credential, before any call', async () => {
    const { provider, calls } = listingProvider();
    const unlisted = createTicketLoader(registryOf(provider, fixedCredential('key')), {}, { cursorSecret: SECRET });
    await expect(unlisted.list('sweeppea', { first: 5 })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: 'Sweeppea tickets cannot be listed through this gateway',
    });
    const keyless = createTicketLoader(registryOf(provider, undefined, FACTS), {}, { cursorSecret: SECRET });
    await expect(keyless.list('sweeppea', { first: 5 })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(calls).toEqual([]);
  });

  it('lists with the credential the request brings', async () => {
    const { provider, calls } = listingProvider();
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('configured'), FACTS),
      { sweeppea: 'brought' },
      { cursorSecret: SECRET },
    );
    await loader.list('sweeppea', { first: 1 });
    expect(calls.map((call) => call.secret)).toEqual(['brought']);
  });

  it('lists once more with a new token when the configured one is refused and can be renewed', async () => {
    const { provider, calls } = listingProvider((secret) => secret === 'expired');
    const given = ['expired', 'fresh'];
    const source: CredentialSource = {
      current: async (): Promise<Credential> => ({ secret: given[0]! }),
      refused: (stale) => {
        if (given[0] !== stale.secret) return false;
        given.shift();
        return true;
      },
    };
    const loader = createTicketLoader(registryOf(provider, source, FACTS), {}, { cursorSecret: SECRET });
    const page = await loader.list('sweeppea', { first: 1 });
    expect(page.edges).toHaveLength(1);
    expect(calls.map((call) => call.secret)).toEqual(['expired', 'fresh']);
  });
});

describe('TicketLoader.list, many in one request', () => {
  it('lists at most four pages a request, refusing the fifth before any call', async () => {
    const { provider, calls } = listingProvider();
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('key'), FACTS),
      {},
      { cursorSecret: SECRET },
    );
    for (let page = 0; page < 4; page++) await loader.list('sweeppea', { first: 1 });
    await expect(loader.list('sweeppea', { first: 1 })).rejects.toThrow(
      'One request holds at most 4 `ticketList` fields',
    );
    expect(calls).toHaveLength(4);
  });
});

describe('TicketLoader.list, the lists of one request together', () => {
  it('lists at most 200 tickets a request in all, refusing the list that passes it', async () => {
    const { provider, calls } = listingProvider();
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('key'), FACTS),
      {},
      { cursorSecret: SECRET },
    );
    await loader.list('sweeppea', { first: 100 });
    await loader.list('sweeppea', { first: 100 });
    await expect(loader.list('sweeppea', { first: 1 })).rejects.toThrow(
      'One request lists at most 200 tickets in all (`first` summed over its `ticketList` fields)',
    );
    expect(calls).toHaveLength(2);
  });

  it('reads none of the lists started together when one of them is refused', async () => {
    const { provider, calls } = listingProvider();
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('key'), FACTS),
      {},
      { cursorSecret: SECRET },
    );
    // As graphql-js starts a query's root fields: each resolver called before any is awaited.
    const started = [
      loader.list('sweeppea', { first: 100 }),
      loader.list('sweeppea', { first: 100 }),
      loader.list('sweeppea', { first: 0 }),
    ];
    const settled = await Promise.allSettled(started);
    expect(settled.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(settled[0]).toMatchObject({
      reason: {
        message: 'Not read: another `ticketList` of this request was refused: `first` must be 1 to 100; got 0',
      },
    });
    expect(calls).toEqual([]);
  });

  it('reads a listed ticket for a field its list lacks without counting it against the 200 a request reads', async () => {
    const { provider } = listingProvider();
    const reads: string[][] = [];
    provider.fetchTickets = async (numbers) => {
      reads.push([...numbers]);
      return numbers.map((number) => ({ provider: 'sweeppea', number }) as never);
    };
    const loader = createTicketLoader(
      registryOf(provider, fixedCredential('key'), FACTS),
      {},
      { cursorSecret: SECRET },
    );
    const refs = Array.from({ length: 200 }, (_, index) => ({ provider: 'sweeppea' as const, number: `r${index}` }));
    await Promise.all(refs.map((ref) => loader.load(ref)));
    const page = await loader.list('sweeppea', { first: 3 });
    const tickets = await Promise.all(page.edges.map((edge) => loader.loadListed(edge.node)));
    expect(tickets.map((ticket) => ticket.number)).toEqual(['30', '29', '28']);
    expect(reads.at(-1)).toEqual(['30', '29', '28']);
  });
});
