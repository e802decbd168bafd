import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TicketGraphError } from '../../../../src/domain/errors.js';
import type { ListPosition, TicketListFilter, TicketPage } from '../../../../src/domain/ticket-list.js';
import { PULL_PATH } from '../../../../src/providers/kapture/list-client.js';
import { listKaptureTickets } from '../../../../src/providers/kapture/list.js';
import { stubUpstream, useProviderHarness, type SentRequest } from '../provider-harness.js';
import { KAPTURE, kaptureFixture } from './fixtures.js';

/** The day of the documented example ticket (`19-04-2024 14:19`), Asia/Kolkata. */
const EXAMPLE_DAY: TicketListFilter = {
  state: 'ANY',
  createdAfter: '2024-04-19T00:00:00+05:30',
  createdBefore: '2024-04-20T00:00:00+05:30',
};
const TWO_DAYS: TicketListFilter = { ...EXAMPLE_DAY, createdBefore: '2024-04-21T00:00:00+05:30' };
const FETCHED_AT = '2024-04-23T06:30:00.000Z';
const example = () => kaptureFixture('pull-tickets.example.json');
const item = (changes: Record<string, unknown>) => ({ ...example().message[0], ...changes });
const answerOf = (items: unknown[]) => ({ totalCount: null, message: items, status: 'success' });
const startDateOf = (request: SentRequest) => JSON.parse(String(request.body))[0].start_date as string;

describe('Kapture listTickets over HTTP', () => {
  const { intercept, http } = useProviderHarness(KAPTURE);
  const pull = () => intercept({ path: PULL_PATH });
  const list = (filter: TicketListFilter, first = 20, after?: ListPosition): Promise<TicketPage> =>
    KAPTURE.create({ http: http(), timezone: KAPTURE.timezone, maxBatch: 20 }).listTickets!(
      { filter, first, ...(after !== undefined && { after }) },
      { secret: KAPTURE.secret },
    );
  const failureOf = async (filter: TicketListFilter): Promise<TicketGraphError> => {
    const error = await list(filter).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TicketGraphError);
    return error as TicketGraphError;
  };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(FETCHED_AT));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('offers listTickets, as its catalog capability says', () => {
    const provider = KAPTURE.create({ http: http(), timezone: KAPTURE.timezone, maxBatch: 20 });
    expect(provider.capabilities.listTickets).toBe(true);
    expect(typeof provider.listTickets).toBe('function');
  });

  it('sends the documented request: POST, Basic key, a JSON array of one day as start and end date', async () => {
    let request: SentRequest | undefined;
    pull().reply((options) => {
      request = options;
      return { statusCode: 200, data: JSON.stringify(example()) };
    });
    await list(EXAMPLE_DAY);
    expect(request).toMatchObject({
      method: 'POST',
      path: '/select-ticket-between-start-and-end-dates.html/v.2.0',
      headers: { authorization: `Basic ${KAPTURE.secret}`, 'content-type': 'application/json' },
    });
    expect(String(request!.body)).toBe('[{"start_date":"2024-04-19","end_date":"2024-04-19","limit":1000}]');
  });

  it("lists the documented example's fields as the detail read maps them, and nothing it lacks", async () => {
    pull().reply(200, JSON.stringify(example()));
    const page = await list(EXAMPLE_DAY);
    expect(page).toMatchObject({ hasNextPage: false, totalCount: null });
    expect(page.edges).toHaveLength(1);
    expect(page.edges[0]!.ticket).toEqual({
      provider: 'kapture',
      number: '713516551148',
      listed: {
        subject: 'TEST 1',
        body: null,
        bodyFormat: 'TEXT',
        status: 'OPEN',
        statusText: 'Pending',
        priority: 'LOW',
        priorityText: 'low',
        createdAt: '2024-04-19T14:19:00+05:30',
        updatedAt: '2024-04-22T14:31:00+05:30',
        lastReplyAt: '2024-04-19T14:19:00+05:30',
        closedAt: null,
        requester: null,
        assignee: { name: "Kapture Dev API's", email: null, isStaff: true },
        department: null,
        url: 'https://devapi.kapturecrm.com/employee/view-task-detail.html?detail=5/530348198/713516551148',
        attachments: [],
        fetchedAt: FETCHED_AT,
      },
    });
    // The last ticket of the range's last day: the list is over.
    expect(page.edges[0]!.position).toEqual({ day: '2024-04-18' });
  });

  it('lists only what an item carries: an item of id, date and status lists status and createdAt', async () => {
    pull().reply(
      200,
      JSON.stringify(answerOf([{ ticketId: 713516551148, date: '2024-04-19 09:30:00', status: 'CL' }])),
    );
    const [edge] = (await list(EXAMPLE_DAY)).edges;
    expect(edge!.ticket).toEqual({
      provider: 'kapture',
      number: '713516551148',
      listed: { status: 'CLOSED', createdAt: '2024-04-19T09:30:00+05:30', fetchedAt: FETCHED_AT },
    });
  });

  it.each([
    [
      'a reopened ticket: pending, its old end date kept',
      { substatusKey: 'P', taskEnddate: '22-04-2024 18:40' },
      { status: 'OPEN', statusText: 'Pending', closedAt: null },
    ],
    [
      'a status given by its sub-status key alone',
      { status: '', substatus: '', substatusKey: 'CL', taskEnddate: '23-04-2024 10:05' },
      { status: 'CLOSED', statusText: null, closedAt: '2024-04-23T10:05:00+05:30' },
    ],
    [
      'a status word with entities',
      { status: 'On Hold &amp; Waiting', substatus: 'On Hold &amp; Waiting', substatusKey: 'OH' },
      { status: 'UNKNOWN', statusText: 'On Hold & Waiting', closedAt: null },
    ],
  ])('lists %s as the detail read maps it', async (_, changes, expected) => {
    pull().reply(200, JSON.stringify(answerOf([item(changes)])));
    const [edge] = (await list(EXAMPLE_DAY)).edges;
    expect(edge!.ticket.listed).toMatchObject(expected);
  });

  it('lists no status or closedAt where the word does not decide and the item has no sub-status key', async () => {
    pull().reply(200, JSON.stringify(answerOf([item({ status: '', substatusKey: undefined })])));
    const [edge] = (await list(EXAMPLE_DAY)).edges;
    expect(Object.keys(edge!.ticket.listed)).not.toContain('status');
    expect(Object.keys(edge!.ticket.listed)).not.toContain('closedAt');
    expect(edge!.ticket.listed).toMatchObject({ statusText: 'Pending' });
  });

  it('orders a day newest first, the higher id first within a minute, and drops items of other days', async () => {
    const items = [
      item({ ticketId: '713516551150', date: '19-04-2024 09:00' }),
      item({ ticketId: '713516551149', date: '19-04-2024 14:19' }),
      // Midnight of the next day, which an inclusive end date repeats: it belongs to the 20th.
      item({ ticketId: '713516551190', date: '20-04-2024 00:00' }),
      item({ ticketId: '0713516551151', date: '19-04-2024 14:19' }),
      item({ ticketId: '713516551120', date: '18-04-2024 23:59' }),
    ];
    pull().reply(200, JSON.stringify(answerOf(items)));
    const page = await list(EXAMPLE_DAY);
    expect(page.edges.map((edge) => edge.ticket.number)).toEqual(['713516551151', '713516551149', '713516551150']);
  });

  it('applies the bounds to the minute: createdAfter inclusive, createdBefore exclusive', async () => {
    const items = ['14:18', '14:19', '16:59', '17:00'].map((time, index) =>
      item({ ticketId: String(713516551160 + index), date: `19-04-2024 ${time}` }),
    );
    pull().reply(200, JSON.stringify(answerOf(items)));
    const page = await list({
      state: 'ANY',
      createdAfter: '2024-04-19T08:49:00Z',
      createdBefore: '2024-04-19T17:00:00+05:30',
    });
    expect(page.edges.map((edge) => edge.ticket.listed.createdAt)).toEqual([
      '2024-04-19T16:59:00+05:30',
      '2024-04-19T14:19:00+05:30',
    ]);
  });

  it.each([
    ['OPEN', ['713516551171', '713516551173']],
    ['CLOSED', ['713516551170', '713516551172']],
  ] as const)('keeps the %s tickets by the detail read’s status mapping', async (state, numbers) => {
    const statuses = ['Complete', 'Pending', 'CL', 'Escalated (tenant)'];
    const items = statuses.map((status, index) =>
      item({ ticketId: String(713516551170 + index), date: `19-04-2024 1${index}:00`, status }),
    );
    pull().reply(200, JSON.stringify(answerOf(items)));
    const page = await list({ ...EXAMPLE_DAY, state });
    expect(page.edges.map((edge) => edge.ticket.number).sort()).toEqual(numbers);
  });

  it('reads the newest day first, one call a day, and resumes within a day after the edge', async () => {
    const days: string[] = [];
    pull()
      .reply((options) => {
        const day = startDateOf(options);
        days.push(day);
        const of = day === '2024-04-20' ? '20-04-2024' : '19-04-2024';
        return {
          statusCode: 200,
          data: JSON.stringify(
            answerOf(
              ['10:00', '11:00'].map((time, index) =>
                item({ ticketId: `${of.slice(0, 2)}${index}1234567`, date: `${of} ${time}` }),
              ),
            ),
          ),
        };
      })
      .persist();
    const first = await list(TWO_DAYS, 3);
    expect(days).toEqual(['2024-04-20', '2024-04-19']);
    expect(first.edges.map((edge) => edge.position)).toEqual([
      { day: '2024-04-20', at: Date.parse('2024-04-20T11:00:00+05:30'), id: '2011234567' },
      { day: '2024-04-19' },
      { day: '2024-04-19', at: Date.parse('2024-04-19T11:00:00+05:30'), id: '1911234567' },
    ]);
    expect(first.hasNextPage).toBe(true);
    const second = await list(TWO_DAYS, 3, first.edges.at(-1)!.position);
    expect(days).toEqual(['2024-04-20', '2024-04-19', '2024-04-19']);
    expect(second).toMatchObject({ hasNextPage: false, edges: [{ ticket: { number: '1901234567' } }] });
  });

  it('says more follow when a page ends with a day and older days are left, without reading them', async () => {
    const days: string[] = [];
    pull()
      .reply((options) => {
        days.push(startDateOf(options));
        const items = days.length === 1 ? [item({ ticketId: '713516551180', date: '20-04-2024 08:00' })] : [];
        return { statusCode: 200, data: JSON.stringify(answerOf(items)) };
      })
      .persist();
    const first = await list(TWO_DAYS, 1);
    expect(first).toMatchObject({ hasNextPage: true, edges: [{ position: { day: '2024-04-19' } }] });
    expect(days).toEqual(['2024-04-20']);
    // The day left held nothing: the next page is empty and the last.
    expect(await list(TWO_DAYS, 1, first.edges[0]!.position)).toEqual({
      edges: [],
      hasNextPage: false,
      totalCount: null,
    });
    expect(days).toEqual(['2024-04-20', '2024-04-19']);
  });

  it('fails the whole list when a later day fails: no half page', async () => {
    pull().reply(200, JSON.stringify(answerOf([item({ ticketId: '713516551181', date: '20-04-2024 08:00' })])));
    pull().reply(500, JSON.stringify({ message: 'Internal Server Error', status: 'failed' }));
    await expect(list(TWO_DAYS)).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', retryable: true });
  });

  it.each([
    ['Invalid Auth Key with HTTP 200', 200, 'error-invalid-auth-key.json', 'UNAUTHENTICATED', false],
    ['Invalid Auth Key with HTTP 403', 403, 'error-invalid-auth-key.json', 'UNAUTHENTICATED', false],
    ['Invalid Json. with HTTP 200', 200, 'error-invalid-json.json', 'UPSTREAM_ERROR', false],
    ['Invalid Json. with HTTP 500', 500, 'error-invalid-json.json', 'UPSTREAM_ERROR', false],
    ['ticket_ids are missing. with HTTP 400', 400, 'error-ticket-ids-missing.json', 'UPSTREAM_ERROR', false],
    ['a 401', 401, { message: 'Unauthorized', status: 'failed' }, 'UNAUTHENTICATED', false],
    ['a 403', 403, { message: 'Forbidden', status: 'failed' }, 'FORBIDDEN', false],
    ['a 404', 404, { message: 'Not Found', status: 'failed' }, 'UPSTREAM_ERROR', false],
    ['a 500', 500, { message: 'Internal Server Error', status: 'failed' }, 'UPSTREAM_ERROR', true],
    [
      'another failure with HTTP 200',
      200,
      { message: 'Date range should be within 24 hours.', status: 'failed' },
      'UPSTREAM_ERROR',
      false,
    ],
  ] as const)('maps %s to %s', async (_, status, body, code, retryable) => {
    const sent = typeof body === 'string' ? kaptureFixture(body) : body;
    pull().reply(status, JSON.stringify(sent));
    const error = await failureOf(EXAMPLE_DAY);
    expect(error).toMatchObject({ code, retryable, provider: 'kapture', upstreamStatus: status });
    expect(error.message).not.toContain(sent.message);
    expect(error.message).not.toContain(KAPTURE.secret);
  });

  it.each([
    ['a bare array, as the search answers', [example().message[0]]],
    ['no message list', { status: 'success', totalCount: null }],
    ['message not a list', { status: 'success', message: 'none' }],
    ['another status', { ...example(), status: 'pending' }],
    ['an item without a date', answerOf([item({ date: undefined })])],
    ['an item with an empty date', answerOf([item({ date: '' })])],
    ['an item with a date in no known format', answerOf([item({ date: '19/04/2024 14:19' })])],
    ['an item without a status', answerOf([item({ status: undefined })])],
    ['an item without a ticket id', answerOf([item({ ticketId: undefined })])],
    ['an item with ticket id 0', answerOf([item({ ticketId: '0' })])],
    ['one ticket twice', answerOf([item({}), item({ ticketId: '0713516551148' })])],
  ])('refuses an answer with %s as UPSTREAM_INVALID_RESPONSE', async (_, body) => {
    pull().reply(200, JSON.stringify(body));
    expect(await failureOf(EXAMPLE_DAY)).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'kapture' });
  });
});

describe('Kapture listTickets limits and positions', () => {
  /** A hand-made upstream answering every day with `items`, counting calls. */
  const counting = (items: unknown[] = []) => {
    const calls: string[] = [];
    const http = stubUpstream('kapture', async (request) => {
      calls.push(JSON.parse(String(request.body))[0].start_date);
      return { status: 200, headers: {}, body: answerOf(items) };
    });
    return { calls, http };
  };
  const walk = (http: ReturnType<typeof counting>['http'], limit?: number) => ({
    http,
    apiKey: KAPTURE.secret,
    timezone: 'Asia/Kolkata',
    ...(limit !== undefined && { limit }),
  });

  it('fails a day that answers as many tickets as it asked for: it may hold more, which no call reaches', async () => {
    const items = ['09:00', '10:00', '11:00'].map((time, index) =>
      item({ ticketId: String(713516551190 + index), date: `20-04-2024 ${time}` }),
    );
    const { http, calls } = counting(items);
    await expect(listKaptureTickets({ filter: TWO_DAYS, first: 1 }, walk(http, 3))).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message: expect.stringContaining('2024-04-20'),
    });
    expect(calls).toEqual(['2024-04-20']);
    expect((await listKaptureTickets({ filter: TWO_DAYS, first: 1 }, walk(http, 4))).edges).toHaveLength(1);
  });

  it('refuses a list without both creation bounds, or over 31 days, before any call', async () => {
    const { http, calls } = counting();
    for (const filter of [
      { state: 'ANY' },
      { state: 'ANY', createdAfter: '2024-04-19T00:00:00+05:30' },
      { state: 'ANY', createdAfter: '2024-03-01T00:00:00+05:30', createdBefore: '2024-04-19T00:00:00+05:30' },
    ] as const) {
      await expect(listKaptureTickets({ filter, first: 5 }, walk(http))).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    }
    expect(calls).toEqual([]);
  });

  it.each<[string, ListPosition]>([
    ['a string', 'abc'],
    ['null', null],
    ['a list', ['2024-04-19']],
    ['no day', { at: Date.parse('2024-04-19T10:00:00+05:30'), id: '713516551148' }],
    ['a day that is not a date', { day: '2024-02-30' }],
    ['a day in another form', { day: '19-04-2024' }],
    ['a day after the range', { day: '2024-04-21' }],
    ['a day two before the range', { day: '2024-04-17' }],
    ['a key without an id', { day: '2024-04-19', at: Date.parse('2024-04-19T10:00:00+05:30') }],
    ['an id with a leading zero', { day: '2024-04-19', at: Date.parse('2024-04-19T10:00:00+05:30'), id: '0713' }],
    ['an id of 21 digits', { day: '2024-04-19', at: Date.parse('2024-04-19T10:00:00+05:30'), id: '1'.repeat(21) }],
    ['an instant on another day', { day: '2024-04-20', at: Date.parse('2024-04-19T10:00:00+05:30'), id: '7135' }],
    ['an instant before the range', { day: '2024-04-19', at: Date.parse('2024-04-18T18:00:00Z'), id: '7135' }],
    ['an instant as text', { day: '2024-04-19', at: '1713502800000', id: '7135' }],
    ['a key on the day after the range', { day: '2024-04-18', at: Date.parse('2024-04-18T23:00:00+05:30'), id: '7' }],
    ['another key', { day: '2024-04-19', page: 2 }],
  ])('refuses a forged position (%s) as BAD_USER_INPUT with no upstream call', async (_, after) => {
    const { http, calls } = counting();
    await expect(listKaptureTickets({ filter: TWO_DAYS, first: 5, after }, walk(http))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(calls).toEqual([]);
  });

  it('answers an empty last page, with no call, from the position past the range', async () => {
    const { http, calls } = counting();
    const after = { day: '2024-04-18' };
    expect(await listKaptureTickets({ filter: TWO_DAYS, first: 5, after }, walk(http))).toEqual({
      edges: [],
      hasNextPage: false,
      totalCount: null,
    });
    expect(calls).toEqual([]);
  });
});
