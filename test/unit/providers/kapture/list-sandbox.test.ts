import { providerOnSandbox } from '../on-sandbox.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../src/domain/model.js';
import type { ListPosition, ListState, TicketListFilter, TicketPage } from '../../../../src/domain/ticket-list.js';
import { listKaptureTickets } from '../../../../src/providers/kapture/list.js';
import type { Provider } from '../../../../src/providers/provider.js';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import { KAPTURE_LIST_WEEK } from '../../../../src/sandbox/kapture/list-seed.js';
import type { UpstreamClient } from '../../../../src/upstream/types.js';

/** The sandbox's busy week, 2026-03-02 to 2026-03-08 in Asia/Kolkata. */
const WEEK: TicketListFilter = {
  state: 'ANY',
  createdAfter: '2026-03-02T00:00:00+05:30',
  createdBefore: '2026-03-09T00:00:00+05:30',
};
/** The week's primary tickets by day, as seeded: the 7th has none of its own. */
const PER_DAY: Record<string, number> = {
  '2026-03-08': 7,
  '2026-03-07': 0,
  '2026-03-06': 8,
  '2026-03-05': 6,
  '2026-03-04': 9,
  '2026-03-03': 7,
  '2026-03-02': 8,
};

/** The week's primary tickets newest first (the higher id first within a minute), from the seed itself. */
const EXPECTED = KAPTURE_LIST_WEEK.filter((entry) => entry.owner === 'primary')
  .map(({ ticket }) => ({
    number: ticket.task_details.ticketId,
    at: DateTime.fromFormat(ticket.task_details.date, 'dd-MM-yyyy HH:mm', { zone: 'Asia/Kolkata' }).toMillis(),
    closed: ticket.task_details.status !== 'Pending',
  }))
  .sort((a, b) => b.at - a.at || Number(BigInt(b.number) - BigInt(a.number)));

let sandbox: Sandbox;
let http: UpstreamClient;
let provider: Provider;
beforeAll(async () => {
  sandbox = await startSandbox();
  ({ http, provider } = providerOnSandbox(sandbox, 'kapture', { retries: 0 }));
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
});
beforeEach(() => sandbox.reset());

const auth = () => ({ secret: sandbox.keys.kapture });
const page = (filter: TicketListFilter, first: number, after?: ListPosition): Promise<TicketPage> =>
  provider.listTickets!({ filter, first, ...(after !== undefined && { after }) }, auth());
/** The days the recorded pulls asked for, in order. */
const daysAsked = () => sandbox.requests.map((request) => JSON.parse(request.body)[0].start_date as string);

/** Every page of the list, with the calls each cost. */
async function walk(filter: TicketListFilter, first: number) {
  const pages: { page: TicketPage; calls: number }[] = [];
  let after: ListPosition | undefined;
  for (;;) {
    const before = sandbox.calls('kapture');
    const next = await page(filter, first, after);
    pages.push({ page: next, calls: sandbox.calls('kapture') - before });
    if (!next.hasNextPage) return pages;
    after = next.edges.at(-1)!.position;
    expect(pages.length).toBeLessThan(100);
  }
}
const numbersOf = (pages: { page: TicketPage }[]) =>
  pages.flatMap(({ page: one }) => one.edges.map((edge) => edge.ticket.number));

describe('Kapture listTickets against the sandbox', () => {
  it('seeds 45 primary tickets that week, newest 713743205253, two in the minute 14:05 of the 4th', () => {
    expect(EXPECTED).toHaveLength(45);
    expect(Object.values(PER_DAY).reduce((sum, count) => sum + count, 0)).toBe(45);
    expect(EXPECTED[0]!.number).toBe('713743205253');
    const fourteen = Date.parse('2026-03-04T14:05:00+05:30');
    expect(EXPECTED.filter((ticket) => ticket.at === fourteen).map((ticket) => ticket.number)).toEqual([
      '713659439012',
      '713656285331',
    ]);
  });

  it.each([1, 2, 7, 8, 20, 44, 45, 100])(
    'pages through the week at first=%i: every ticket once, in order',
    async (first) => {
      const pages = await walk(WEEK, first);
      expect(numbersOf(pages)).toEqual(EXPECTED.map((ticket) => ticket.number));
      for (const { page: one } of pages.slice(0, -1)) expect(one.edges).toHaveLength(first);
      expect(pages.every(({ page: one }) => one.totalCount === null)).toBe(true);
    },
  );

  it('walks the week at first=20 in 3 pages of 4, 4 and 1 calls, each day read once but where a page stopped', async () => {
    const pages = await walk(WEEK, 20);
    expect(pages.map(({ calls }) => calls)).toEqual([4, 4, 1]);
    expect(pages.map(({ page: one }) => one.edges.length)).toEqual([20, 20, 5]);
    expect(daysAsked()).toEqual([
      '2026-03-08',
      '2026-03-07',
      '2026-03-06',
      '2026-03-05',
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
      '2026-03-02',
      '2026-03-02',
    ]);
  });

  it('costs one call a day: two days of 16 tickets in one page of 2 calls', async () => {
    const twoDays = { ...WEEK, createdAfter: '2026-03-03T00:00:00+05:30', createdBefore: '2026-03-05T00:00:00+05:30' };
    const pages = await walk(twoDays, 20);
    expect(pages.map(({ calls, page: one }) => [calls, one.edges.length, one.hasNextPage])).toEqual([[2, 16, false]]);
    expect(daysAsked()).toEqual(['2026-03-04', '2026-03-03']);
  });

  it('resumes after a page that ended with its day at the day before, never reading that day again', async () => {
    const first = await page(WEEK, 7);
    expect(first.hasNextPage).toBe(true);
    expect(first.edges.at(-1)!.position).toEqual({ day: '2026-03-07' });
    const second = await page(WEEK, 7, first.edges.at(-1)!.position);
    expect(second.edges.map((edge) => edge.ticket.number)).toEqual(EXPECTED.slice(7, 14).map((t) => t.number));
    expect(daysAsked()).toEqual(['2026-03-08', '2026-03-07', '2026-03-06']);
  });

  it("answers an empty last page when a page ended with its day and the days left hold none: the 7th's answer holds only the 8th's midnight ticket", async () => {
    const weekend = { ...WEEK, createdAfter: '2026-03-07T00:00:00+05:30' };
    const first = await page(weekend, 7);
    expect(first).toMatchObject({ hasNextPage: true });
    expect(first.edges.map((edge) => edge.ticket.number)).toContain('713721495734');
    const last = await page(weekend, 7, first.edges.at(-1)!.position);
    expect(last).toEqual({ edges: [], hasNextPage: false, totalCount: null });
    expect(daysAsked()).toEqual(['2026-03-08', '2026-03-07']);
  });

  it.each<[ListState, boolean | null]>([
    ['OPEN', false],
    ['CLOSED', true],
  ])('lists the %s tickets alone, in order, at several page sizes', async (state, closed) => {
    const wanted = EXPECTED.filter((ticket) => ticket.closed === closed).map((ticket) => ticket.number);
    for (const first of [1, 5, 20]) {
      sandbox.reset();
      expect(numbersOf(await walk({ ...WEEK, state }, first))).toEqual(wanted);
    }
    expect(wanted.length).toBe(state === 'OPEN' ? 29 : 16);
  });

  it('applies exact bounds: after inclusive at 14:05 of the 4th, before exclusive at 00:05 of the 6th', async () => {
    const bounds = { ...WEEK, createdAfter: '2026-03-04T14:05:00+05:30', createdBefore: '2026-03-06T00:05:00+05:30' };
    const listed = numbersOf(await walk(bounds, 100));
    const from = Date.parse('2026-03-04T14:05:00+05:30');
    const to = Date.parse('2026-03-06T00:05:00+05:30');
    expect(listed).toEqual(EXPECTED.filter((t) => t.at >= from && t.at < to).map((t) => t.number));
    expect(listed).toHaveLength(11);
    expect(listed.slice(-2)).toEqual(['713659439012', '713656285331']);
  });

  it("lists each ticket's fields as the detail read gives them", async () => {
    const listed = (await walk(WEEK, 100)).flatMap(({ page: one }) => one.edges.map((edge) => edge.ticket));
    const read = await provider.fetchTickets(
      listed.map((ticket) => ticket.number),
      auth(),
    );
    expect(listed).toHaveLength(45);
    listed.forEach((ticket, index) => {
      const detail = read[index] as Ticket;
      expect(detail.number).toBe(ticket.number);
      const { fetchedAt, ...fields } = ticket.listed;
      expect(fetchedAt).toEqual(expect.any(String));
      expect(Object.keys(fields).sort()).toEqual(
        [
          'subject',
          'body',
          'bodyFormat',
          'status',
          'statusText',
          'priority',
          'priorityText',
          'createdAt',
          'lastReplyAt',
          'updatedAt',
          'closedAt',
          'requester',
          'assignee',
          'department',
          'url',
          'attachments',
        ].sort(),
      );
      for (const [field, value] of Object.entries(fields)) {
        expect(value, `${ticket.number}.${field}`).toEqual(detail[field as keyof Ticket]);
      }
    });
  });

  it("shows a ticket's state as it now stands: one closed through the update API lists as CLOSED", async () => {
    const open = EXPECTED.find((ticket) => !ticket.closed)!;
    const [current] = await provider.fetchTickets([open.number], auth());
    await provider.closeTicket!(current as Ticket, auth());
    const closed = numbersOf(await walk({ ...WEEK, state: 'CLOSED' }, 100));
    expect(closed).toContain(open.number);
  });

  it("never lists another tenant's tickets; that tenant's key lists its own 3", async () => {
    const others = KAPTURE_LIST_WEEK.filter((entry) => entry.owner === 'other').map(
      (e) => e.ticket.task_details.ticketId,
    );
    expect(numbersOf(await walk(WEEK, 100))).not.toEqual(expect.arrayContaining([others[0]]));
    const theirs = await provider.listTickets!({ filter: WEEK, first: 100 }, { secret: sandbox.otherKeys.kapture });
    expect(theirs.edges.map((edge) => edge.ticket.number)).toEqual([...others].reverse());
  });

  it('fails the page on an injected fault, and on a refused key, with typed errors', async () => {
    sandbox.setFault('kapture', { status: 500, times: 1 });
    await expect(page(WEEK, 20)).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'kapture' });
    await expect(provider.listTickets!({ filter: WEEK, first: 20 }, { secret: 'bm9wZTpub3Bl' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('fails a day that answers as many tickets as the limit asked, rather than drop any', async () => {
    const walkOf = (limit: number) =>
      listKaptureTickets(
        { filter: WEEK, first: 100 },
        { http, apiKey: sandbox.keys.kapture, timezone: 'Asia/Kolkata', limit },
      );
    // The 6th answers its own 8 tickets: as many as a limit of 8. The busiest answer, the 4th's, holds 9.
    await expect(walkOf(8)).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      message: expect.stringContaining('2026-03-06'),
    });
    expect((await walkOf(10)).edges).toHaveLength(45);
  });
});
