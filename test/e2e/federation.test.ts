import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { GraphQLClient } from 'graphql-request';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { credentialHeader } from '../../src/loading/credentials.js';
import { PROVIDER_NAMES, type ProviderName } from '../../src/domain/model.js';
import { customersSubgraph, type Customer, type TicketKey } from './customers-subgraph.js';
import { listenOnLoopback, startGateway, type Gateway, type Listening } from './harness.js';

/**
 * A company graph: ticket-graph and a customers subgraph, composed with The Guild's federation
 * composition and served by Hive Gateway, each on its own loopback port.
 */
let tickets: Gateway;
let customersServer: Listening;
let router: Listening;
let roster: Customer[];

const key = (provider: ProviderName, number: string): TicketKey => ({
  provider: provider.toUpperCase() as TicketKey['provider'],
  number,
});

async function sdlOf(url: string): Promise<string> {
  const { data } = await new GraphQLClient(url).rawRequest<{ _service: { sdl: string } }>('{ _service { sdl } }');
  return data._service.sdl;
}

beforeAll(async () => {
  tickets = await startGateway();
  const numbers = (name: ProviderName) => tickets.sandbox.ticketNumbers(name);
  // 22 distinct Kapture tickets (two of them shared), and a few of every other provider.
  roster = [
    {
      email: 'ada@example.com',
      name: 'Ada',
      tickets: [
        ...numbers('kapture')
          .slice(0, 12)
          .map((n) => key('kapture', n)),
        key('hostup', numbers('hostup')[0]!),
        key('sweeppea', numbers('sweeppea')[0]!),
      ],
    },
    {
      email: 'grace@example.com',
      name: 'Grace',
      tickets: [
        ...numbers('kapture')
          .slice(10, 22)
          .map((n) => key('kapture', n)),
        key('keliweb', numbers('keliweb')[0]!),
        key('hostup', numbers('hostup')[1]!),
      ],
    },
    // A ticket HostUp does not have: it fails alone, at its own path.
    { email: 'linus@example.com', name: 'Linus', tickets: [key('hostup', '999999999')] },
  ];
  customersServer = await listenOnLoopback(customersSubgraph(roster));

  // Compose from the SDL each subgraph serves, as a schema registry or `rover` would fetch it.
  const composed = composeServices([
    { name: 'tickets', typeDefs: parse(await sdlOf(tickets.url)), url: tickets.url },
    { name: 'customers', typeDefs: parse(await sdlOf(customersServer.url)), url: customersServer.url },
  ]);
  if (compositionHasErrors(composed))
    throw new Error(`composition failed: ${composed.errors.map((error) => error.message).join('; ')}`);
  const gateway = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
    // Per-request upstream credentials travel from the client to the tickets subgraph.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) =>
        subgraphName === 'tickets'
          ? Object.fromEntries(
              PROVIDER_NAMES.map((name) => [credentialHeader(name), request.headers.get(credentialHeader(name))]),
            )
          : {},
    },
  });
  router = await listenOnLoopback(gateway);
});

afterAll(async () => {
  await router?.close();
  await customersServer?.close();
  await tickets?.close();
});

beforeEach(() => tickets.sandbox.reset());

const viaRouter = (headers: Record<string, string> = {}) =>
  new GraphQLClient(router.url, { headers, errorPolicy: 'all' });

function callsByProvider(): Record<ProviderName, number> {
  return Object.fromEntries(PROVIDER_NAMES.map((name) => [name, tickets.sandbox.calls(name)])) as Record<
    ProviderName,
    number
  >;
}

describe('ticket-graph composed into a supergraph under Hive Gateway', () => {
  it('answers a query that starts in the customers subgraph and reads every ticket from ours in one batched fetch', async () => {
    const before = { tickets: tickets.requests(), customers: customersServer.requests() };
    const { data, errors } = await viaRouter().rawRequest<{
      customers: {
        name: string;
        tickets: ({
          provider: string;
          number: string;
          subject: string | null;
          status: string;
          replies: { body: string }[];
        } | null)[];
      }[];
    }>(/* GraphQL */ `
      query CustomersWithTickets {
        customers {
          name
          tickets { provider number subject status replies { body } }
        }
      }
    `);
    expect(
      data.customers.map((customer) => [
        customer.name,
        customer.tickets.map((ticket) => ticket && [ticket.provider, ticket.number]),
      ]),
    ).toEqual(
      roster.map((customer) => [
        customer.name,
        customer.tickets.map((ticket) => (ticket.number === '999999999' ? null : [ticket.provider, ticket.number])),
      ]),
    );
    for (const ticket of data.customers.slice(0, 2).flatMap((customer) => customer.tickets)) {
      expect(ticket?.subject).toEqual(expect.any(String));
      expect(ticket?.replies).toEqual(expect.any(Array));
    }
    // The missing ticket is null, and its errors keep the gateway's code. Hive Gateway places one
    // at each field it could not fill, under the customer's tickets (without the list index).
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(error.path?.slice(0, 3)).toEqual(['customers', 2, 'tickets']);
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'hostup' });
    }
    // One query to each subgraph: the router sends every Ticket representation in one _entities call.
    expect({
      tickets: tickets.requests() - before.tickets,
      customers: customersServer.requests() - before.customers,
    }).toEqual({ tickets: 1, customers: 1 });
    // 22 distinct Kapture tickets in ⌈22 / 20⌉ calls; the others one call per distinct ticket.
    expect(callsByProvider()).toEqual({ sweeppea: 1, hostup: 3, keliweb: 1, kapture: 2 });
  });

  it('answers a query that starts in ours and crosses to the customers subgraph by the natural key', async () => {
    // Grace's own (Ada's list shares her first two).
    const number = roster[1]!.tickets[2]!.number;
    const { data, errors } = await viaRouter().rawRequest<{
      ticket: { subject: string; customer: { name: string; email: string } | null };
    }>(
      /* GraphQL */ `
        query TicketWithCustomer($number: String!) {
          ticket(provider: KAPTURE, number: $number) { subject customer { name email } }
        }
      `,
      { number },
    );
    expect(errors).toBeUndefined();
    expect(data.ticket).toEqual({
      subject: expect.any(String),
      customer: { name: 'Grace', email: 'grace@example.com' },
    });
    expect(tickets.sandbox.calls('kapture')).toBe(1);
  });

  it("lists tickets from ours and finds each one's customer in theirs, one fetch a subgraph", async () => {
    const before = { tickets: tickets.requests(), customers: customersServer.requests() };
    const { data, errors } = await viaRouter().rawRequest<{
      ticketList: { edges: { node: { number: string; customer: { name: string } | null } }[] };
    }>(/* GraphQL */ `
      query InboxWithCustomers {
        ticketList(provider: SWEEPPEA, first: 100) { edges { node { number customer { name } } } }
      }
    `);
    expect(errors).toBeUndefined();
    const rows = data.ticketList.edges.map((edge) => edge.node);
    expect(rows).toHaveLength(66);
    const ada = roster[0]!.tickets.find((ticket) => ticket.provider === 'SWEEPPEA')!.number;
    expect(rows.filter((row) => row.customer !== null)).toEqual([{ number: ada, customer: { name: 'Ada' } }]);
    expect({
      tickets: tickets.requests() - before.tickets,
      customers: customersServer.requests() - before.customers,
    }).toEqual({ tickets: 1, customers: 1 });
    // Both lists, open (three pages of 20) and closed (two), and no ticket read one by one.
    expect(tickets.sandbox.calls('sweeppea')).toBe(5);
  });

  it('keeps a failing ticket null at its path with its code, and the rest of the answer', async () => {
    const { data, errors } = await viaRouter().rawRequest<{
      a: { number: string } | null;
      b: { number: string } | null;
    }>(
      `query { a: ticket(provider: HOSTUP, number: "999999999") { number } b: ticket(provider: HOSTUP, number: "${roster[0]!.tickets[12]!.number}") { number } }`,
    );
    expect(data).toEqual({ a: null, b: { number: roster[0]!.tickets[12]!.number } });
    expect(errors).toEqual([
      expect.objectContaining({ path: ['a'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    expect(tickets.sandbox.calls('hostup')).toBe(2);
  });

  it("passes a client's own provider credential through the router, so each tenant reads its own tickets", async () => {
    const theirs = tickets.sandbox.ticketNumbers('kapture', 'other')[0]!;
    const query = `query { ticket(provider: KAPTURE, number: "${theirs}") { number } }`;
    const withoutKey = await viaRouter().rawRequest<{ ticket: { number: string } | null }>(query);
    expect(withoutKey.data.ticket).toBeNull();
    expect(withoutKey.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const withKey = await viaRouter({ [credentialHeader('kapture')]: tickets.sandbox.otherKeys.kapture }).rawRequest<{
      ticket: { number: string } | null;
    }>(query);
    expect(withKey.errors).toBeUndefined();
    expect(withKey.data.ticket).toEqual({ number: theirs });
    // One call with each key: the router's request and ours do not share a loader.
    expect(tickets.sandbox.calls('kapture')).toBe(2);
    const [first, second] = tickets.sandbox.requests.map((request) => request.headers.authorization);
    expect(first).toEqual(expect.any(String));
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);
  });
});
