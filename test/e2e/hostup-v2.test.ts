import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

const RESULT = /* GraphQL */ `
  __typename
  ... on Ticket { number status replies { body } }
  ... on Error { message }
  ... on ValidationError { field }
  ... on UpstreamError { code retryable retryAfter }
`;
const REPLY = `mutation Reply($input: ReplyToTicketInput!) { replyToTicket(input: $input) { ${RESULT} } }`;
const CLOSE = `mutation Close($input: CloseTicketInput!) { closeTicket(input: $input) { ${RESULT} } }`;
const REOPEN = `mutation Reopen($input: ReopenTicketInput!) { reopenTicket(input: $input) { ${RESULT} } }`;

interface Result {
  __typename: string;
  number?: string;
  status?: string;
  replies?: { body: string }[];
  message?: string;
  field?: string;
  code?: string;
  retryable?: boolean;
  retryAfter?: number | null;
}

let gateway: Gateway;
let open: string;
let closed: string;
beforeAll(async () => {
  gateway = await startGateway({ env: { HOSTUP_API: 'v2' } });
  // The seeded tickets, read through the gateway: one open, one closed.
  const refs = gateway.sandbox.ticketNumbers('hostup').map((number) => ({ provider: 'HOSTUP', number }));
  const { data } = await gateway
    .client()
    .rawRequest<{ tickets: { number: string; status: string }[] }>(
      'query Seeded($refs: [TicketRef!]!) { tickets(refs: $refs) { number status } }',
      { refs: refs.slice(0, 100) },
    );
  open = data.tickets.find((ticket) => ticket.status === 'OPEN')!.number;
  closed = data.tickets.find((ticket) => ticket.status === 'CLOSED')!.number;
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

async function run(mutation: string, input: Record<string, unknown>): Promise<Result> {
  const { data, errors } = await gateway.client().rawRequest<Record<string, Result>>(mutation, { input });
  expect(errors).toBeUndefined();
  return Object.values(data)[0]!;
}

/** The calls since the last reset, each as method and the path after the ticket. */
const calls = () =>
  gateway.sandbox.requests.map((request) => `${request.method} ${request.path.replace(/^.*\/tickets\/[^/]+/, '')}`);

describe('HostUp v2 through the gateway', () => {
  it('reads by the Bearer token and replies: the reply is last in the thread read back', async () => {
    const result = await run(REPLY, { provider: 'HOSTUP', number: open, body: 'Thanks, fixed now.' });
    expect(result).toMatchObject({ __typename: 'Ticket', number: open });
    expect(result.replies?.at(-1)?.body).toBe('Thanks, fixed now.');
    expect(calls()).toEqual(['GET ', 'POST /messages', 'GET ']);
    expect(gateway.sandbox.requests[0]!.headers.authorization).toBe(`Bearer ${gateway.sandbox.keys.hostup}`);
  });

  it('closes an open ticket and reopens it, each answered by the action itself', async () => {
    expect(await run(CLOSE, { provider: 'HOSTUP', number: open })).toMatchObject({ status: 'CLOSED' });
    expect(await run(REOPEN, { provider: 'HOSTUP', number: open })).toMatchObject({ status: 'OPEN' });
    expect(calls()).toEqual(['GET ', 'POST /actions/close', 'GET ', 'POST /actions/reopen']);
  });

  it('refuses a reply to a closed ticket without sending it', async () => {
    const result = await run(REPLY, { provider: 'HOSTUP', number: closed, body: 'Hello?' });
    expect(result.__typename).toBe('TicketClosedError');
    expect(calls()).toEqual(['GET ']);
  });

  it('answers UnsupportedError when HostUp has no close route (405 with another code than not_found)', async () => {
    gateway.sandbox.setFault('hostup', { status: 405, code: 'method_not_allowed', path: /\/actions\/close$/ });
    const result = await run(CLOSE, { provider: 'HOSTUP', number: open });
    expect(result).toMatchObject({ __typename: 'UnsupportedError' });
    expect(calls()).toEqual(['GET ', 'POST /actions/close']);
  });

  it('answers RATE_LIMITED with Retry-After on a 429 to the reply, sent once', async () => {
    gateway.sandbox.setFault('hostup', { status: 429, retryAfter: 7, path: /\/messages$/ });
    const result = await run(REPLY, { provider: 'HOSTUP', number: open, body: 'Hi' });
    expect(result).toMatchObject({ __typename: 'UpstreamError', code: 'RATE_LIMITED', retryable: true, retryAfter: 7 });
    expect(calls()).toEqual(['GET ', 'POST /messages']);
  });

  it('offers HOSTUP among the providers that can reply, close and reopen', async () => {
    const { data } = await gateway.client().rawRequest<{
      providers: { name: string; capabilities: Record<string, boolean> }[];
    }>('{ providers { name capabilities { replyToTicket closeTicket reopenTicket listTickets } } }');
    expect(data.providers.find((provider) => provider.name === 'HOSTUP')!.capabilities).toEqual({
      replyToTicket: true,
      closeTicket: true,
      reopenTicket: true,
      listTickets: true,
    });
  });
});
