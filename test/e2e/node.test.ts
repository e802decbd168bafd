import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeTicketId } from '../../src/domain/ids.js';
import { PROVIDER_NAMES } from '../../src/domain/model.js';
import { startGateway, type Gateway } from './harness.js';

const NODES = /* GraphQL */ `
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) { id ... on Ticket { provider number } }
  }
`;
const NODE = /* GraphQL */ `
  query Node($id: ID!) {
    node(id: $id) { __typename id ... on Ticket { provider number subject } }
  }
`;

interface NodeData {
  node: { __typename: string; id: string; provider: string; number: string } | null;
}
interface NodesData {
  nodes: ({ id: string; provider: string; number: string } | null)[];
}

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

describe('Query.node and Query.nodes', () => {
  it('reads a ticket again by the id the gateway gave it', async () => {
    const number = gateway.sandbox.ticketNumbers('keliweb')[0]!;
    const first = await gateway
      .client()
      .rawRequest<{ ticket: { id: string } }>('query($n: String!) { ticket(provider: KELIWEB, number: $n) { id } }', {
        n: number,
      });
    const { data, errors } = await gateway.client().rawRequest<NodeData>(NODE, { id: first.data.ticket.id });
    expect(errors).toBeUndefined();
    expect(data.node).toMatchObject({ __typename: 'Ticket', id: first.data.ticket.id, provider: 'KELIWEB', number });
  });

  it('reads ids of all four providers in order with one upstream call each', async () => {
    const refs = PROVIDER_NAMES.map((provider) => ({ provider, number: gateway.sandbox.ticketNumbers(provider)[1]! }));
    const { data, errors } = await gateway.client().rawRequest<NodesData>(NODES, { ids: refs.map(encodeTicketId) });
    expect(errors).toBeUndefined();
    expect(data.nodes.map((n) => n?.number)).toEqual(refs.map((r) => r.number));
    for (const name of PROVIDER_NAMES) expect(gateway.sandbox.calls(name)).toBe(1);
  });

  it.each([
    ['not base64', '!!!'],
    ['another type', Buffer.from('User:kapture:1').toString('base64url')],
    ['an unknown provider', Buffer.from('Ticket:zendesk:1').toString('base64url')],
    ['no number', Buffer.from('Ticket:hostup:').toString('base64url')],
    ['a hostile number', encodeTicketId({ provider: 'hostup', number: '../../admin' })],
  ])('answers a malformed id (%s) with BAD_USER_INPUT and no upstream call', async (_case, id) => {
    const { data, errors } = await gateway.client().rawRequest<NodeData>(NODE, { id });
    expect(data.node).toBeNull();
    expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateway.sandbox.requests).toHaveLength(0);
  });

  it('keeps the good ids of a list when one is malformed', async () => {
    const number = gateway.sandbox.ticketNumbers('hostup')[0]!;
    const { data, errors } = await gateway
      .client()
      .rawRequest<NodesData>(NODES, { ids: ['garbage', encodeTicketId({ provider: 'hostup', number })] });
    expect(data.nodes[0]).toBeNull();
    expect(data.nodes[1]?.number).toBe(number);
    expect(errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['nodes', 0], 'BAD_USER_INPUT']]);
  });

  it('refuses more than 100 ids with BAD_USER_INPUT', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => encodeTicketId({ provider: 'kapture', number: String(i + 1) }));
    const { errors } = await gateway.client().rawRequest<NodesData | null>(NODES, { ids });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateway.sandbox.requests).toHaveLength(0);
  });
});
