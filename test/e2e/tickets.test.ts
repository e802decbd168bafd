import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES, type ProviderName } from '../../src/domain/model.js';
import { startGateway, type Gateway } from './harness.js';

const TICKETS = /* GraphQL */ `
  query Tickets($refs: [TicketRef!]!) {
    tickets(refs: $refs) { id provider number subject status }
  }
`;

const ENUM: Record<ProviderName, string> = {
  sweeppea: 'SWEEPPEA',
  hostup: 'HOSTUP',
  keliweb: 'KELIWEB',
  kapture: 'KAPTURE',
};
const ref = (provider: ProviderName, number: string) => ({ provider: ENUM[provider], number });

interface TicketsData {
  tickets: ({ id: string; provider: string; number: string; subject: string | null; status: string } | null)[];
}

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

describe('Query.tickets', () => {
  it('reads tickets from all four providers in one query, in the order asked, one upstream call each', async () => {
    const refs = [...PROVIDER_NAMES].reverse().map((name) => ref(name, gateway.sandbox.ticketNumbers(name)[0]!));
    const { data, errors } = await gateway.client().rawRequest<TicketsData>(TICKETS, { refs });
    expect(errors).toBeUndefined();
    expect(data.tickets.map((ticket) => [ticket?.provider, ticket?.number])).toEqual(
      refs.map((r) => [r.provider, r.number]),
    );
    for (const name of PROVIDER_NAMES) expect(gateway.sandbox.calls(name)).toBe(1);
  });

  it('reads 10 Kapture tickets in one upstream call', async () => {
    const numbers = gateway.sandbox.ticketNumbers('kapture').slice(0, 10);
    const { data, errors } = await gateway.client().rawRequest<TicketsData>(TICKETS, {
      refs: numbers.map((n) => ref('kapture', n)),
    });
    expect(errors).toBeUndefined();
    expect(data.tickets.map((t) => t?.number)).toEqual(numbers);
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });

  it('fetches a Sweeppea ticket asked for several times once: 10 refs with 3 duplicates make 7 calls', async () => {
    const distinct = gateway.sandbox.ticketNumbers('sweeppea').slice(0, 7);
    const numbers = [...distinct, distinct[0]!, distinct[3]!, distinct[6]!];
    const { data, errors } = await gateway.client().rawRequest<TicketsData>(TICKETS, {
      refs: numbers.map((n) => ref('sweeppea', n)),
    });
    expect(errors).toBeUndefined();
    expect(data.tickets.map((t) => t?.number)).toEqual(numbers);
    expect(gateway.sandbox.calls('sweeppea')).toBe(7);
  });

  it('sends Sweeppea one call at a time, across concurrent requests, so it never answers 503', async () => {
    gateway.sandbox.setLatency('sweeppea', 20);
    const numbers = gateway.sandbox.ticketNumbers('sweeppea').slice(0, 4);
    const results = await Promise.all(
      [numbers.slice(0, 2), numbers.slice(2)].map((pair) =>
        gateway.client().rawRequest<TicketsData>(TICKETS, { refs: pair.map((n) => ref('sweeppea', n)) }),
      ),
    );
    for (const { errors } of results) expect(errors).toBeUndefined();
    expect(gateway.sandbox.calls('sweeppea')).toBe(4);
  });

  it('treats numbers that differ only in form as one HostUp ticket', async () => {
    const number = gateway.sandbox.ticketNumbers('hostup')[0]!;
    const { data, errors } = await gateway.client().rawRequest<TicketsData>(TICKETS, {
      refs: [ref('hostup', number), ref('hostup', `00${number}`)],
    });
    expect(errors).toBeUndefined();
    expect(data.tickets.map((t) => t?.number)).toEqual([number, number]);
    expect(gateway.sandbox.calls('hostup')).toBe(1);
  });

  it('treats a Keliweb mask in another case as the same ticket, with one id and one call', async () => {
    const masked = gateway.sandbox.ticketNumbers('keliweb').find((number) => /[a-z]/.test(number))!;
    const { data, errors } = await gateway.client().rawRequest<TicketsData>(TICKETS, {
      refs: [ref('keliweb', masked), ref('keliweb', masked.toUpperCase()), ref('keliweb', masked.toLowerCase())],
    });
    expect(errors).toBeUndefined();
    expect(data.tickets.map((t) => t?.number)).toEqual([masked, masked, masked]);
    expect(new Set(data.tickets.map((t) => t?.id)).size).toBe(1);
    expect(gateway.sandbox.calls('keliweb')).toBe(1);
  });

  it('refuses more than 100 refs with BAD_USER_INPUT before any upstream call', async () => {
    const refs = Array.from({ length: 101 }, (_, i) => ref('kapture', String(700000000000 + i)));
    const { data, errors } = await gateway.client().rawRequest<TicketsData | null>(TICKETS, { refs });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateway.sandbox.requests).toHaveLength(0);
  });

  it('answers an unknown ticket with null and NOT_FOUND at its index, the others still there', async () => {
    const known = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const { data, errors } = await gateway.client().rawRequest<TicketsData>(TICKETS, {
      refs: [ref('kapture', known), ref('kapture', '999999999999'), ref('hostup', '999999')],
    });
    expect(data.tickets[0]?.number).toBe(known);
    expect(data.tickets.slice(1)).toEqual([null, null]);
    expect(errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.provider])).toEqual(
      expect.arrayContaining([
        [['tickets', 1], 'NOT_FOUND', 'kapture'],
        [['tickets', 2], 'NOT_FOUND', 'hostup'],
      ]),
    );
    expect(gateway.sandbox.calls('kapture')).toBe(1);
    expect(gateway.sandbox.calls('hostup')).toBe(1);
  });
});
