/**
 * The yoga floor: graphql-yoga, configured as the gateway configures it, serving the floor's
 * upstream calls (kapture-search.ts) through one resolver. What a gateway built on yoga, as the
 * design requires, cannot beat: the gap between it and the floor is yoga's, the gap between the
 * gateway and it is ticket-graph's own.
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { pool, readTickets } from './kapture-search.js';

const yoga = createYoga({
  schema: createSchema({
    typeDefs:
      'type Query { tickets(numbers: [String!]!): [Ticket]! } type Ticket { number: String! subject: String! status: String! }',
    resolvers: { Query: { tickets: (_: unknown, { numbers }: { numbers: string[] }) => readTickets(numbers) } },
  }),
  logging: false,
  landingPage: false,
  graphiql: false,
  maxRequestBodySize: false,
});

const server = createServer(yoga);
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.close().then(() => process.exit(0));
});
