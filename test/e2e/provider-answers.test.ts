import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

/**
 * Answers the providers' documents allow beyond their examples, as a newcomer's query sees them
 * from the sandbox's tickets that send them (docs/providers/keliweb.md, docs/providers/kapture.md).
 */

const TICKET = /* GraphQL */ `
  query Ticket($provider: Provider!, $number: String!) {
    ticket(provider: $provider, number: $number) {
      number status statusText createdAt updatedAt lastReplyAt closedAt raw
      attachments { id filename }
      replies { id attachments { id filename } }
    }
  }
`;

const LIST = /* GraphQL */ `
  query List($filter: TicketListFilter) {
    ticketList(provider: KAPTURE, filter: $filter) {
      edges { node { number status statusText createdAt lastReplyAt closedAt } }
    }
  }
`;

interface TicketData {
  ticket: {
    number: string;
    raw: { task_details?: Record<string, unknown>; replies?: { reply: { attachment: string }[] } };
    replies: { id: string; attachments: { id: string; filename: string }[] }[];
  } & Record<string, unknown>;
}

/** The sandbox's Kapture tickets of answers beyond the example, created 2026-03-16 to 2026-03-19. */
const STATUS_WITH_ENTITIES = '713746379202';
const REOPENED = '713749480934';
const CLOSED_BY_KEY = '713752514092';
const EPOCH_DATES = '713755665703';
const ANSWERS_WEEK = { createdAfter: '2026-03-16T00:00:00+05:30', createdBefore: '2026-03-20T00:00:00+05:30' };

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

const read = async (provider: string, number: string) => {
  const { data, errors } = await gateway.client().rawRequest<TicketData>(TICKET, { provider, number });
  expect(errors).toBeUndefined();
  return data.ticket;
};

describe('Keliweb attachments', () => {
  it('names each file as uploaded; the stored names, prefix included, stay in raw', async () => {
    const ticket = await read('KELIWEB', '899321');
    expect(ticket.attachments).toEqual([
      { id: '0-0', filename: 'fattura_KW-88213.pdf' },
      { id: '0-1', filename: 'log_accessi.txt' },
    ]);
    expect(ticket.replies.find((reply) => reply.id === '7021')?.attachments).toEqual([
      { id: '7021-0', filename: 'screenshot_errore.png' },
    ]);
    expect(ticket.raw.replies?.reply[0]?.attachment).toBe('844022_fattura_KW-88213.pdf|174524_log_accessi.txt');
    expect(gateway.sandbox.calls('keliweb')).toBe(1);
  });
});

describe('Kapture answers beyond the example', () => {
  it('shows a status word sent with entities decoded', async () => {
    expect(await read('KAPTURE', STATUS_WITH_ENTITIES)).toMatchObject({
      status: 'UNKNOWN',
      statusText: 'On Hold & Waiting',
      closedAt: null,
    });
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });

  it('reads a closed ticket under a tenant status word by its sub-status key CL', async () => {
    expect(await read('KAPTURE', CLOSED_BY_KEY)).toMatchObject({
      status: 'CLOSED',
      statusText: 'Archived',
      closedAt: '2026-03-20T21:32:00+05:30',
    });
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });

  it('gives a reopened ticket no closedAt, its old taskEnddate kept in raw', async () => {
    const ticket = await read('KAPTURE', REOPENED);
    expect(ticket).toMatchObject({ status: 'OPEN', statusText: 'Pending', closedAt: null });
    expect(ticket.raw.task_details?.taskEnddate).toBe('17-03-2026 14:45');
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });

  it('reads ten digits as epoch seconds and thirteen as epoch milliseconds', async () => {
    expect(await read('KAPTURE', EPOCH_DATES)).toMatchObject({
      createdAt: '2026-03-19T16:10:00+05:30',
      lastReplyAt: '2026-03-20T09:15:00+05:30',
      updatedAt: '2026-03-20T09:15:00+05:30',
    });
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });

  it('lists the four as the ticket reads show them, one pull a day and no search', async () => {
    const { data, errors } = await gateway
      .client()
      .rawRequest<{ ticketList: { edges: { node: unknown }[] } }>(LIST, { filter: ANSWERS_WEEK });
    expect(errors).toBeUndefined();
    expect(data.ticketList.edges.map((edge) => edge.node)).toEqual([
      {
        number: EPOCH_DATES,
        status: 'OPEN',
        statusText: 'Pending',
        createdAt: '2026-03-19T16:10:00+05:30',
        lastReplyAt: '2026-03-20T09:15:00+05:30',
        closedAt: null,
      },
      {
        number: CLOSED_BY_KEY,
        status: 'CLOSED',
        statusText: 'Archived',
        createdAt: '2026-03-18T09:30:00+05:30',
        lastReplyAt: '2026-03-20T11:17:00+05:30',
        closedAt: '2026-03-20T21:32:00+05:30',
      },
      {
        number: REOPENED,
        status: 'OPEN',
        statusText: 'Pending',
        createdAt: '2026-03-17T11:45:00+05:30',
        lastReplyAt: '2026-03-18T06:32:00+05:30',
        closedAt: null,
      },
      {
        number: STATUS_WITH_ENTITIES,
        status: 'UNKNOWN',
        statusText: 'On Hold & Waiting',
        createdAt: '2026-03-16T10:20:00+05:30',
        lastReplyAt: '2026-03-23T16:06:00+05:30',
        closedAt: null,
      },
    ]);
    expect(gateway.sandbox.calls('kapture')).toBe(4);
  });

  it('filters the closed ones by the status the sub-status key decides', async () => {
    const { data } = await gateway
      .client()
      .rawRequest<{ ticketList: { edges: { node: { number: string } }[] } }>(LIST, {
        filter: { ...ANSWERS_WEEK, state: 'CLOSED' },
      });
    expect(data.ticketList.edges.map((edge) => edge.node.number)).toEqual([CLOSED_BY_KEY]);
    expect(gateway.sandbox.calls('kapture')).toBe(4);
  });
});

describe('Kapture failures the body names', () => {
  it('answers "Invalid Auth Key" sent with HTTP 403 as UNAUTHENTICATED, not FORBIDDEN', async () => {
    gateway.sandbox.setFault('kapture', { status: 403, code: 'Invalid Auth Key' });
    const { data, errors } = await gateway
      .client()
      .rawRequest<TicketData>(TICKET, { provider: 'KAPTURE', number: '713516551148' });
    expect(data.ticket).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['ticket'],
      extensions: { code: 'UNAUTHENTICATED', provider: 'kapture', upstreamStatus: 403 },
    });
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });

  it('answers a list whose pull gets "Invalid Auth Key" with HTTP 403 as UNAUTHENTICATED', async () => {
    gateway.sandbox.setFault('kapture', { status: 403, code: 'Invalid Auth Key' });
    const { data, errors } = await gateway.client().rawRequest<unknown>(LIST, { filter: ANSWERS_WEEK });
    expect(data).toBeNull();
    expect(errors![0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', provider: 'kapture', upstreamStatus: 403 },
    });
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });
});
