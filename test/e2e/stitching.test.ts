import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { stitchSchemas } from '@graphql-tools/stitch';
import { schemaFromExecutor } from '@graphql-tools/wrap';
import { GraphQLClient } from 'graphql-request';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES, type ProviderName } from '../../src/domain/model.js';
import { listenOnLoopback, startGateway, type Gateway, type Listening } from './harness.js';

/**
 * A company schema that stitches ticket-graph in over HTTP: a local `orders` schema whose
 * `Order.ticket` is a stub (`provider`, `number`) merged with our `Ticket` through
 * `Query.tickets(refs:)`, so every ticket of a query is one batched request to us.
 */
interface Order {
  readonly id: string;
  readonly ticket: { provider: string; number: string } | null;
}

let tickets: Gateway;
let stitched: Listening;
let orders: Order[];

beforeAll(async () => {
  tickets = await startGateway();
  const numbers = (name: ProviderName) => tickets.sandbox.ticketNumbers(name);
  orders = [
    ...numbers('kapture')
      .slice(0, 8)
      .map((number, index) => ({ id: `K${index}`, ticket: { provider: 'KAPTURE', number } })),
    { id: 'H0', ticket: { provider: 'HOSTUP', number: numbers('hostup')[0]! } },
    { id: 'S0', ticket: { provider: 'SWEEPPEA', number: numbers('sweeppea')[0]! } },
    { id: 'W0', ticket: { provider: 'KELIWEB', number: numbers('keliweb')[0]! } },
    { id: 'K-again', ticket: { provider: 'KAPTURE', number: numbers('kapture')[0]! } },
    { id: 'none', ticket: null },
    { id: 'gone', ticket: { provider: 'HOSTUP', number: '999999999' } },
  ];

  const executor = buildHTTPExecutor({ endpoint: tickets.url });
  const ordersSchema = makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      type Query { orders: [Order!]! }
      type Order { id: ID! ticket: Ticket }
      type Ticket { provider: Provider! number: String! }
      enum Provider { HOSTUP KAPTURE KELIWEB SWEEPPEA }
    `,
    resolvers: { Query: { orders: () => orders } },
  });
  const schema = stitchSchemas({
    subschemas: [
      {
        schema: await schemaFromExecutor(executor),
        executor,
        merge: {
          Ticket: {
            selectionSet: '{ provider number }',
            fieldName: 'tickets',
            key: ({ provider, number }: { provider: string; number: string }) => ({ provider, number }),
            argsFromKeys: (refs: readonly { provider: string; number: string }[]) => ({ refs }),
          },
        },
      },
      { schema: ordersSchema },
    ],
  });
  stitched = await listenOnLoopback(createYoga({ schema, logging: false }));
});

afterAll(async () => {
  await stitched?.close();
  await tickets?.close();
});

beforeEach(() => tickets.sandbox.reset());

describe('ticket-graph stitched into another schema with @graphql-tools/stitch', () => {
  it("reads every order's ticket in one batched request to the gateway", async () => {
    const before = tickets.requests();
    const { data, errors } = await new GraphQLClient(stitched.url, { errorPolicy: 'all' }).rawRequest<{
      orders: {
        id: string;
        ticket: { provider: string; number: string; subject: string | null; status: string; notes: unknown[] } | null;
      }[];
    }>(/* GraphQL */ `
      query OrdersWithTickets {
        orders { id ticket { provider number subject status notes { body } } }
      }
    `);
    expect(data.orders.map((order) => [order.id, order.ticket?.number ?? null])).toEqual(
      orders.map((order) => [order.id, order.id === 'gone' ? null : (order.ticket?.number ?? null)]),
    );
    expect(data.orders.find((order) => order.id === 'K0')?.ticket).toMatchObject({
      provider: 'KAPTURE',
      subject: expect.any(String),
      notes: expect.any(Array),
    });
    // The missing ticket is null, and its errors keep the gateway's code. Stitching reports the
    // failed merge once per field it could not fill, each under that order's ticket.
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(error.path?.slice(0, 3)).toEqual(['orders', orders.length - 1, 'ticket']);
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'hostup' });
    }
    expect(tickets.requests() - before).toBe(1);
    // Eight distinct Kapture tickets in one call; one call per other ticket.
    expect(Object.fromEntries(PROVIDER_NAMES.map((name) => [name, tickets.sandbox.calls(name)]))).toEqual({
      sweeppea: 1,
      hostup: 2,
      keliweb: 1,
      kapture: 1,
    });
  });

  it('pages through a ticketList from the stitched schema, its cursors passed back as they came', async () => {
    const client = new GraphQLClient(stitched.url, { errorPolicy: 'all' });
    const query = /* GraphQL */ `
      query Inbox($after: String) {
        ticketList(provider: SWEEPPEA, filter: { state: CLOSED }, first: 20, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { number status } }
        }
      }
    `;
    type Page = {
      ticketList: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { number: string; status: string } }[];
      };
    };
    const before = tickets.requests();
    const first = await client.rawRequest<Page>(query);
    const second = await client.rawRequest<Page>(query, { after: first.data.ticketList.pageInfo.endCursor });
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    expect(first.data.ticketList).toMatchObject({ totalCount: 21, pageInfo: { hasNextPage: true } });
    expect(second.data.ticketList.edges.map((edge) => edge.node)).toEqual([{ number: '2317415', status: 'CLOSED' }]);
    expect(second.data.ticketList.pageInfo.hasNextPage).toBe(false);
    // A request to the gateway a page, and a fetchClosedTickets call a page.
    expect(tickets.requests() - before).toBe(2);
    expect(tickets.sandbox.calls('sweeppea')).toBe(2);
  });
});
