import { describe, expect, it } from 'vitest';
import type { ListPosition, ListState, TicketPage } from '../../../../src/domain/ticket-list.js';
import { createSweeppeaProvider } from '../../../../src/providers/sweeppea/index.js';
import { fakeLists, summaries, type Summary } from './list-pages.js';

const AUTH = { secret: 'sk_live_9f8e7d6c5b4a' };
const OPEN_45 = summaries(45, 'T');

/** The provider over a hand-made Sweeppea holding these lists, and the pages it was asked for. */
function over(lists: { open?: readonly Summary[]; closed?: readonly Summary[] }) {
  const upstream = fakeLists(lists);
  const provider = createSweeppeaProvider({ http: upstream.http, timezone: 'UTC', maxBatch: 1 });
  const list = (state: ListState, first: number, after?: ListPosition): Promise<TicketPage> =>
    provider.listTickets!({ filter: { state }, first, ...(after !== undefined && { after }) }, AUTH);
  return { list, asked: upstream.asked };
}
const numbers = (page: TicketPage) => page.edges.map((edge) => edge.ticket.number);
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => `${prefix}${from + index}`);

describe('Sweeppea listTickets: pages of 20 read by page and offset', () => {
  it('reads pages 1 and 2 for the first 25 tickets, and puts page 2, offset 5 on the 25th edge', async () => {
    const { list, asked } = over({ open: OPEN_45 });
    const page = await list('OPEN', 25);
    expect(asked).toEqual(['open 1', 'open 2']);
    expect(numbers(page)).toEqual(range('T', 0, 25));
    expect(page.edges[24]!.position).toEqual({ open: { next: { page: 2, offset: 5 }, total: 45 } });
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 45 });
  });

  it('resumes from the 25th edge by reading page 2 again from offset 5, then page 3', async () => {
    const { list, asked } = over({ open: OPEN_45 });
    const page = await list('OPEN', 20, { open: { next: { page: 2, offset: 5 }, total: 45 } });
    expect(asked).toEqual(['open 2', 'open 3']);
    expect(numbers(page)).toEqual(range('T', 25, 45));
    expect(page).toMatchObject({ hasNextPage: false, totalCount: 45 });
    expect(page.edges.at(-1)!.position).toEqual({ open: { next: null, total: 45 } });
  });

  it('resumes from the end of a page of 20 with the next upstream page alone', async () => {
    const { list, asked } = over({ open: OPEN_45 });
    const first = await list('OPEN', 20);
    expect(first.edges.at(-1)!.position).toEqual({ open: { next: { page: 2, offset: 0 }, total: 45 } });
    const second = await list('OPEN', 20, first.edges.at(-1)!.position);
    expect(asked).toEqual(['open 1', 'open 2']);
    expect(numbers(second)).toEqual(range('T', 20, 40));
  });

  it('knows the list has ended from TotalPages, without a call past the last page', async () => {
    const { list, asked } = over({ open: OPEN_45 });
    expect(await list('OPEN', 45)).toMatchObject({ hasNextPage: false });
    expect(asked).toEqual(['open 1', 'open 2', 'open 3']);
    const { list: again, asked: askedAgain } = over({ open: OPEN_45 });
    expect(await again('OPEN', 40)).toMatchObject({ hasNextPage: true });
    expect(askedAgain).toEqual(['open 1', 'open 2']);
  });

  it('answers the position after the last ticket with no edges and no call, counting as it last counted', async () => {
    const { list, asked } = over({ open: OPEN_45 });
    expect(await list('OPEN', 20, { open: { next: null, total: 45 } })).toEqual({
      edges: [],
      hasNextPage: false,
      totalCount: 45,
    });
    expect(asked).toEqual([]);
  });

  it('answers an empty list with no edges after one call', async () => {
    const { list, asked } = over({});
    expect(await list('CLOSED', 20)).toEqual({ edges: [], hasNextPage: false, totalCount: 0 });
    expect(asked).toEqual(['closed 1']);
  });

  it.each([1, 3, 7, 19, 20, 21, 40, 100])('walks the whole list once, in order, %i at a time', async (first) => {
    const { list } = over({ open: OPEN_45 });
    const seen: string[] = [];
    let after: ListPosition | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await list('OPEN', first, after);
      seen.push(...numbers(page));
      if (!page.hasNextPage) break;
      after = page.edges.at(-1)!.position;
    }
    expect(seen).toEqual(range('T', 0, 45));
  });
});

describe('Sweeppea listTickets: ANY merges the open and closed lists', () => {
  // Open tickets every hour from 12:00 back; closed ones every hour from 11:30 back, then ties.
  const open = summaries(30, 'O');
  const closed = summaries(25, 'C', '2025-06-01T11:30:00.000Z');

  it('reads page 1 of both lists first, and alternates by date', async () => {
    const { list, asked } = over({ open, closed });
    const page = await list('ANY', 4);
    expect(asked).toEqual(['open 1', 'closed 1']);
    expect(numbers(page)).toEqual(['O0', 'C0', 'O1', 'C1']);
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 55 });
    expect(page.edges[3]!.position).toEqual({
      open: { next: { page: 1, offset: 2 }, total: 30, newest: '2025-06-01T10:00:00Z' },
      closed: { next: { page: 1, offset: 2 }, total: 25, newest: '2025-06-01T09:30:00Z' },
    });
  });

  it("does not read a list whose rest is older than the other's next ticket", async () => {
    const { list, asked } = over({ open, closed: summaries(3, 'C', '2024-01-01T00:00:00.000Z') });
    const first = await list('ANY', 5);
    expect(numbers(first)).toEqual(range('O', 0, 5));
    const second = await list('ANY', 5, first.edges.at(-1)!.position);
    expect(asked).toEqual(['open 1', 'closed 1', 'open 1']);
    expect(numbers(second)).toEqual(range('O', 5, 10));
    // The closed list was not read again: its count is the one the position carries.
    expect(second.totalCount).toBe(33);
  });

  it('puts the open ticket first of two created at one instant, and reads only what decides it', async () => {
    const at = '2025-06-01T12:00:00.000Z';
    const ties = { open: summaries(2, 'O', at), closed: summaries(2, 'C', at) };
    const { list, asked } = over(ties);
    const page = await list('ANY', 4);
    expect(numbers(page)).toEqual(['O0', 'C0', 'O1', 'C1']);
    const afterOpen = page.edges[0]!.position;
    // After O0, the closed list's C0 (12:00) and the open list's O1 (11:00): both lists are read to tell.
    const { list: resume, asked: resumed } = over(ties);
    expect(numbers(await resume('ANY', 1, afterOpen))).toEqual(['C0']);
    expect(resumed).toEqual(['open 1', 'closed 1']);
    expect(asked).toEqual(['open 1', 'closed 1']);
  });

  it('takes the open ticket without reading the closed list when the closed one could only tie', async () => {
    const at = '2025-06-01T12:00:00.000Z';
    const { list, asked } = over({ open: summaries(2, 'O', at), closed: summaries(2, 'C', at) });
    const position = {
      open: { next: { page: 1, offset: 0 }, total: 2 },
      closed: { next: { page: 1, offset: 0 }, total: 2, newest: '2025-06-01T12:00:00Z' },
    };
    expect(numbers(await list('ANY', 1, position))).toEqual(['O0']);
    expect(asked).toEqual(['open 1']);
  });

  it.each([1, 4, 20, 25, 100])('walks both lists once, newest first, %i at a time', async (first) => {
    const { list } = over({ open, closed });
    const seen: string[] = [];
    let after: ListPosition | undefined;
    for (let pages = 0; pages < 60; pages++) {
      const page = await list('ANY', first, after);
      seen.push(...numbers(page));
      if (!page.hasNextPage) break;
      after = page.edges.at(-1)!.position;
    }
    const merged = [
      ...Array.from({ length: 25 }, (_, index) => [`O${index}`, `C${index}`]).flat(),
      ...range('O', 25, 30),
    ];
    expect(seen).toEqual(merged);
  });
});

describe('Sweeppea listTickets: positions it did not issue', () => {
  const spot = { next: { page: 2, offset: 5 }, total: 45 };
  it.each<[string, ListState, unknown]>([
    ['a string', 'OPEN', 'page-2'],
    ['null', 'OPEN', null],
    ['an empty object', 'OPEN', {}],
    ["the open list's for CLOSED", 'CLOSED', { open: spot }],
    ["one list's for ANY", 'ANY', { open: spot }],
    ['an extra key', 'OPEN', { open: { ...spot, page: 3 } }],
    ['an extra list', 'OPEN', { open: spot, closed: spot }],
    ['page 0', 'OPEN', { open: { ...spot, next: { page: 0, offset: 0 } } }],
    ['a page that is no integer', 'OPEN', { open: { ...spot, next: { page: 1.5, offset: 0 } } }],
    ['a page as text', 'OPEN', { open: { ...spot, next: { page: '2', offset: 0 } } }],
    ['offset 20', 'OPEN', { open: { ...spot, next: { page: 1, offset: 20 } } }],
    ['a negative offset', 'OPEN', { open: { ...spot, next: { page: 1, offset: -1 } } }],
    ['a next ticket past the count', 'OPEN', { open: { next: { page: 3, offset: 5 }, total: 45 } }],
    ['a negative count', 'OPEN', { open: { next: null, total: -1 } }],
    ['no count', 'OPEN', { open: { next: null } }],
    ['a newest that is no date', 'ANY', { open: { ...spot, newest: 'yesterday' }, closed: spot }],
    [
      'a newest this gateway would not write',
      'ANY',
      { open: { ...spot, newest: '2025-06-01T12:00:00.000Z' }, closed: spot },
    ],
  ])('refuses %s as BAD_USER_INPUT before any call', async (_, state, after) => {
    const { list, asked } = over({ open: OPEN_45, closed: OPEN_45 });
    await expect(list(state, 20, after as ListPosition)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      provider: 'sweeppea',
    });
    expect(asked).toEqual([]);
  });
});

describe('Sweeppea listTickets: a case number read twice in one walk fails the page', () => {
  /** The provider over a Sweeppea whose lists are changed between two of our pages by the test. */
  function overLive(lists: { open?: Summary[]; closed?: Summary[] }) {
    const upstream = fakeLists(lists);
    const provider = createSweeppeaProvider({ http: upstream.http, timezone: 'UTC', maxBatch: 1 });
    return (state: ListState, first: number, after?: ListPosition): Promise<TicketPage> =>
      provider.listTickets!({ filter: { state }, first, ...(after !== undefined && { after }) }, AUTH);
  }
  const failure = (page: Promise<TicketPage>) =>
    page.then(
      () => 'answered',
      (error: Error) => error,
    );

  it('refuses an upstream page listing a case twice', async () => {
    const open = summaries(3, 'T');
    open[1] = { ...open[0]! };
    const error = await failure(over({ open }).list('OPEN', 20));
    expect(error).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      provider: 'sweeppea',
      retryable: false,
      message:
        'Sweeppea listed case T0 twice: at Tickets.0 of page 1 of its open tickets, and at Tickets.1 of page 1 of its open tickets',
    });
  });

  it('refuses it also when both copies stand before the offset the page resumes at', async () => {
    const open = summaries(10, 'T');
    open[1] = { ...open[0]! };
    const error = await failure(over({ open }).list('OPEN', 2, { open: { next: { page: 1, offset: 5 }, total: 10 } }));
    expect(error).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      message:
        'Sweeppea listed case T0 twice: at Tickets.0 of page 1 of its open tickets, and at Tickets.1 of page 1 of its open tickets',
    });
  });

  it('compares case numbers as the ticket read keys them: trimmed', async () => {
    const open = summaries(3, 'T');
    open[1] = { ...open[0]!, CaseNumber: ' T0 ' };
    const error = await failure(over({ open }).list('OPEN', 20));
    expect(error).toMatchObject({
      message:
        'Sweeppea listed case T0 twice: at Tickets.0 of page 1 of its open tickets, and at Tickets.1 of page 1 of its open tickets',
    });
  });

  it('passes over a case page 2 repeats from page 1: a ticket created between the two calls', async () => {
    const all = summaries(45, 'T');
    // Page 2 begins with page 1's last case, as if one ticket had been created between the two calls.
    const open = [...all.slice(0, 20), all[19]!, ...all.slice(21)];
    const { list, asked } = over({ open });
    const page = await list('OPEN', 25);
    expect(asked).toEqual(['open 1', 'open 2']);
    const numbers = page.edges.map((edge) => edge.ticket.number);
    expect(numbers).toHaveLength(25);
    expect(numbers.slice(18, 22)).toEqual(['T18', 'T19', 'T21', 'T22']);
    expect(new Set(numbers).size).toBe(25);
    // The repeat keeps its row: the last edge stands at page 2, offset 5, after T25.
    expect(page.edges.at(-1)!.position).toMatchObject({ open: { next: { page: 2, offset: 6 } } });
  });

  it('passes over a case the closed list repeats from the open one: a ticket closed between the two calls', async () => {
    const open = summaries(3, 'O');
    // O1 again, closed, an hour later than when it was listed open.
    const closed = [
      { ...open[1]!, Date: '2025-06-01T11:30:00.000Z' },
      ...summaries(2, 'C', '2025-06-01T10:30:00.000Z'),
    ];
    const { list, asked } = over({ open, closed });
    const page = await list('ANY', 20);
    expect(asked).toEqual(['open 1', 'closed 1']);
    expect(page.edges.map((edge) => edge.ticket.number).filter((number) => number === 'O1')).toEqual(['O1']);
    expect(page.edges).toHaveLength(5);
  });

  it('passes a ticket closed between two pages: open on the first, closed on the second', async () => {
    const lists = { open: summaries(3, 'O'), closed: summaries(2, 'C', '2025-06-01T11:30:00.000Z') };
    const list = overLive(lists);
    const first = await list('ANY', 1);
    expect(first.edges.map((edge) => [edge.ticket.number, edge.ticket.listed.status])).toEqual([['O0', 'OPEN']]);
    // O0 is closed before the client asks for the next page: it leaves the open list for the closed one.
    const [o0, ...stillOpen] = lists.open;
    lists.open = stillOpen;
    lists.closed = [o0!, ...lists.closed];
    const second = await list('ANY', 2, first.edges.at(-1)!.position);
    // Not a lie within one walk: this page read O0 only in the closed list. (O1 moved up past the
    // open list's position and is skipped, as the docs say of a list that changes between pages.)
    expect(second.edges.map((edge) => [edge.ticket.number, edge.ticket.listed.status])).toEqual([
      ['O0', 'CLOSED'],
      ['C0', 'CLOSED'],
    ]);
  });
});
