import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../../src/server/example-query.js';
import { PROVIDER_NAMES } from '../../src/domain/model.js';
import { startGateway, type Gateway } from './harness.js';

const TICKET = /* GraphQL */ `
  query Ticket($provider: Provider!, $number: String!) {
    ticket(provider: $provider, number: $number) {
      id provider number subject body bodyFormat status statusText priority priorityText
      createdAt updatedAt lastReplyAt closedAt fetchedAt department tags url canUpdate raw
      requester { name email isStaff }
      assignee { name email isStaff }
      notes { id createdAt body author { name isStaff } }
      replies { id createdAt body bodyFormat author { name email isStaff } attachments { id filename } }
      newestFirst: replies(order: DESC) { id }
      attachments { id filename url size contentType }
    }
  }
`;

interface TicketData {
  ticket: {
    id: string;
    provider: string;
    number: string;
    status: string;
    createdAt: string | null;
    fetchedAt: string;
    raw: unknown;
    replies: { id: string; createdAt: string | null }[];
    newestFirst: { id: string }[];
  } | null;
}

const OFFSET_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

describe('Query.ticket', () => {
  it.each(PROVIDER_NAMES)('reads a %s ticket with one upstream call, dates with offsets, raw kept', async (name) => {
    const number = gateway.sandbox.ticketNumbers(name)[0]!;
    const { data, errors } = await gateway
      .client()
      .rawRequest<TicketData>(TICKET, { provider: name.toUpperCase(), number });
    expect(errors).toBeUndefined();
    const ticket = data.ticket!;
    expect(ticket).toMatchObject({ provider: name.toUpperCase(), number });
    expect(ticket.createdAt).toMatch(OFFSET_DATE);
    expect(ticket.fetchedAt).toMatch(OFFSET_DATE);
    expect(ticket.raw).toBeTypeOf('object');
    expect(ticket.newestFirst.map((r) => r.id)).toEqual([...ticket.replies].reverse().map((r) => r.id));
    expect(gateway.sandbox.calls(name)).toBe(1);
  });

  it('answers the README and GraphiQL example query as written, one call per provider', async () => {
    const { data, errors } = await gateway.client().rawRequest<{ tickets: { provider: string }[] }>(EXAMPLE_QUERY);
    expect(errors).toBeUndefined();
    expect(data.tickets.map((t) => t.provider)).toEqual(['SWEEPPEA', 'HOSTUP', 'KELIWEB', 'KAPTURE']);
    for (const name of PROVIDER_NAMES) expect(gateway.sandbox.calls(name)).toBe(1);
  });

  it.each(PROVIDER_NAMES)('answers an unknown %s ticket with null and NOT_FOUND', async (name) => {
    const number = name === 'sweeppea' ? 'ZZZZZZZ' : '999999';
    const { data, errors } = await gateway
      .client()
      .rawRequest<TicketData>(TICKET, { provider: name.toUpperCase(), number });
    expect(data.ticket).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.path).toEqual(['ticket']);
    expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', provider: name });
    expect(gateway.sandbox.calls(name)).toBe(1);
  });

  it.each(PROVIDER_NAMES)('does not show a %s ticket of another tenant: NOT_FOUND', async (name) => {
    const number = gateway.sandbox.ticketNumbers(name, 'other')[0]!;
    const { data, errors } = await gateway
      .client()
      .rawRequest<TicketData>(TICKET, { provider: name.toUpperCase(), number });
    expect(data.ticket).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', provider: name });
  });

  it.each(PROVIDER_NAMES)("reads another tenant's %s ticket with that tenant's credential header", async (name) => {
    const number = gateway.sandbox.ticketNumbers(name, 'other')[0]!;
    const header = `X-${name[0]!.toUpperCase()}${name.slice(1)}-Api-Key`;
    const { data, errors } = await gateway
      .client({ [header]: gateway.sandbox.otherKeys[name] })
      .rawRequest<TicketData>(TICKET, { provider: name.toUpperCase(), number });
    expect(errors).toBeUndefined();
    expect(data.ticket?.number).toBe(number);
  });

  it.each(PROVIDER_NAMES)('maps a bad %s credential to UNAUTHENTICATED', async (name) => {
    const number = gateway.sandbox.ticketNumbers(name)[0]!;
    const header = `X-${name[0]!.toUpperCase()}${name.slice(1)}-Api-Key`;
    const { data, errors } = await gateway
      .client({ [header]: 'not-a-real-key' })
      .rawRequest<TicketData>(TICKET, { provider: name.toUpperCase(), number });
    expect(data.ticket).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: name });
    expect(JSON.stringify(errors)).not.toContain('not-a-real-key');
    expect(gateway.sandbox.calls(name)).toBe(1);
  });

  it.each([
    ['HOSTUP', 'a path', '../1'],
    ['HOSTUP', 'digits and letters', '12abc'],
    ['KAPTURE', 'a second id after a comma', '713516551148,1'],
    ['SWEEPPEA', 'an escaped slash', 'AB%2FCD'],
    ['KELIWEB', 'a header break', 'a\r\nb'],
    ['SWEEPPEA', '10,000 characters', 'x'.repeat(10_000)],
  ])('refuses a %s number with %s with BAD_USER_INPUT before any upstream call', async (provider, _, number) => {
    const { data, errors } = await gateway.client().rawRequest<TicketData>(TICKET, { provider, number });
    expect(data.ticket).toBeNull();
    expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateway.sandbox.requests).toHaveLength(0);
  });
});
