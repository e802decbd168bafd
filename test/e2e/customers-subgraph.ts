import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

/** A ticket as another subgraph knows it: by the number its customer quotes. */
export interface TicketKey {
  readonly provider: 'SWEEPPEA' | 'HOSTUP' | 'KELIWEB' | 'KAPTURE';
  readonly number: string;
}

export interface Customer {
  readonly email: string;
  readonly name: string;
  readonly tickets: readonly TicketKey[];
}

/**
 * The SDL of a second, small subgraph, as a company's CRM team would write it: `Customer`
 * references our `Ticket` by its natural key and adds `Ticket.customer` to it.
 */
export const CUSTOMERS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Query {
    customers: [Customer!]!
  }

  type Customer @key(fields: "email") {
    email: String!
    name: String!
    tickets: [Ticket]!
  }

  type Ticket @key(fields: "provider number") {
    provider: Provider!
    number: String!
    customer: Customer
  }

  enum Provider {
    HOSTUP
    KAPTURE
    KELIWEB
    SWEEPPEA
  }
`;

/** The customers subgraph: a yoga app over @apollo/subgraph. */
export function customersSubgraph(customers: readonly Customer[]) {
  const owner = (key: TicketKey) =>
    customers.find((customer) =>
      customer.tickets.some((ticket) => ticket.provider === key.provider && ticket.number === key.number),
    ) ?? null;
  const schema = buildSubgraphSchema({
    typeDefs: parse(CUSTOMERS_SDL),
    resolvers: {
      Query: { customers: () => customers },
      Customer: {
        __resolveReference: (reference: { email: string }) =>
          customers.find((customer) => customer.email === reference.email) ?? null,
      },
      Ticket: {
        __resolveReference: (reference: TicketKey) => reference,
        customer: (ticket: TicketKey) => owner(ticket),
      },
    },
  });
  return createYoga({ schema, logging: false, maskedErrors: false });
}
