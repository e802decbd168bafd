import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderName } from '../../src/domain/model.js';
import { startGateway, type Gateway } from './harness.js';

/**
 * `ticketList` end to end: the gateway and the sandbox on loopback ports, a real GraphQL client,
 * and the sandbox's own count of the calls each page cost.
 */

interface Edge {
  cursor: string;
  node: Record<string, unknown> & { number: string };
}
interface Connection {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
}

const LIST = (fields: string) => /* GraphQL */ `
  query List($provider: ListableProvider!, $filter: TicketListFilter, $first: Int, $after: String) {
    ticketList(provider: $provider, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { ${fields} } }
    }
  }
`;

/** The sandbox's busy Kapture week, 2026-03-02 to 2026-03-08 in Asia/Kolkata. */
const KAPTURE_WEEK = { createdAfter: '2026-03-02T00:00:00+05:30', createdBefore: '2026-03-09T00:00:00+05:30' };

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

interface Answer {
  data: { ticketList: Connection } | null;
  errors: readonly GraphQLError[];
}

async function list(
  provider: string,
  variables: { filter?: Record<string, unknown>; first?: number; after?: string | null },
  fields = 'number',
  on: Gateway = gateway,
): Promise<Answer> {
  const { data, errors = [] } = await on
    .client()
    .rawRequest<{ ticketList: Connection } | null>(LIST(fields), { provider, ...variables });
  return { data, errors };
}

/** Every page of a list, each with the upstream calls it cost. */
async function walk(
  provider: string,
  filter: Record<string, unknown> | undefined,
  first: number,
  fields = 'number createdAt',
  on: Gateway = gateway,
): Promise<{ pages: Connection[]; calls: number[] }> {
  const name = provider.toLowerCase() as ProviderName;
  const pages: Connection[] = [];
  const calls: number[] = [];
  let after: string | null = null;
  do {
    const before = on.sandbox.calls(name);
    const { data, errors } = await list(provider, { filter, first, after }, fields, on);
    expect(errors).toEqual([]);
    pages.push(data!.ticketList);
    calls.push(on.sandbox.calls(name) - before);
    after = data!.ticketList.pageInfo.endCursor;
    expect(pages.length).toBeLessThan(60);
  } while (pages.at(-1)!.pageInfo.hasNextPage);
  return { pages, calls };
}

const numbersOf = (pages: Connection[]) => pages.flatMap((page) => page.edges.map((edge) => edge.node.number));

/** Newest created first, by instant. */
function expectNewestFirst(pages: Connection[]): void {
  const times = pages.flatMap((page) => page.edges.map((edge) => Date.parse(String(edge.node.createdAt))));
  expect(times.every((time, index) => index === 0 || times[index - 1]! >= time)).toBe(true);
}

describe('ticketList over Kapture: the pull by creation date, a day a call', () => {
  it('pages through the busy week without gaps or repeats, a day a call', async () => {
    const { pages, calls } = await walk('KAPTURE', KAPTURE_WEEK, 20);
    const numbers = numbersOf(pages);
    expect(numbers).toHaveLength(45);
    expect(new Set(numbers).size).toBe(45);
    expect(numbers[0]).toBe('713743205253');
    expectNewestFirst(pages);
    // 20, 20 and 5 tickets: 08, 07 (empty), 06, 05; then 05 again (resumed mid-day), 04, 03, 02 ... as documented.
    expect(pages.map((page) => page.edges.length)).toEqual([20, 20, 5]);
    expect(calls).toEqual([4, 4, 1]);
    expect(pages.every((page) => page.totalCount === null)).toBe(true);
  });

  it('filters by state from the items read', async () => {
    const open = numbersOf((await walk('KAPTURE', { ...KAPTURE_WEEK, state: 'OPEN' }, 50, 'number status')).pages);
    const closed = numbersOf((await walk('KAPTURE', { ...KAPTURE_WEEK, state: 'CLOSED' }, 50, 'number status')).pages);
    expect([open.length, closed.length]).toEqual([29, 16]);
    expect(open.filter((number) => closed.includes(number))).toEqual([]);
  });

  it('answers listed fields from the pull alone, and reads the rest in batches of 20', async () => {
    const twoDays = { createdAfter: '2026-03-03T00:00:00+05:30', createdBefore: '2026-03-05T00:00:00+05:30' };
    const summary = await walk('KAPTURE', twoDays, 20, 'number subject status createdAt body');
    expect(numbersOf(summary.pages)).toHaveLength(16);
    expect(summary.calls).toEqual([2]);
    const pulls = gateway.sandbox.requests.filter((request) => request.path.includes('select-ticket-between'));
    expect(pulls).toHaveLength(2);

    gateway.sandbox.reset();
    const detailed = await walk('KAPTURE', twoDays, 20, 'number raw');
    expect(detailed.calls).toEqual([3]);
    const searches = gateway.sandbox.requests.filter((request) => request.path.includes('search-ticket-by-ticket-id'));
    expect(searches).toHaveLength(1);
  });

  it('refuses a list without dates, or over 31 days, with no upstream call', async () => {
    const missing = await list('KAPTURE', { filter: { createdAfter: KAPTURE_WEEK.createdAfter } });
    expect(missing.data).toBeNull();
    expect(missing.errors[0]).toMatchObject({
      message:
        'Kapture CRM lists tickets only with `filter.createdAfter` and `filter.createdBefore`, at most 31 days apart',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooLong = await list('KAPTURE', {
      filter: { createdAfter: '2026-01-01T00:00:00Z', createdBefore: '2026-02-02T00:00:00Z' },
    });
    expect(tooLong.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const search = await list('KAPTURE', { filter: { ...KAPTURE_WEEK, search: 'printer' } });
    expect(search.errors[0]?.message).toBe(
      'Kapture CRM cannot filter its list by `search`: it filters by `filter.state`, `filter.createdAfter`, `filter.createdBefore`',
    );
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });
});

describe('ticketList over Sweeppea: the open and closed lists, 20 a page', () => {
  /** The calls the last operations made, by endpoint. */
  const paths = () => gateway.sandbox.requests.map((request) => request.path.replace(/^.*\/tickets\//, ''));

  it('pages through every ticket once, open and closed merged newest first', async () => {
    const { pages } = await walk('SWEEPPEA', undefined, 7);
    const numbers = numbersOf(pages);
    expect(numbers).toHaveLength(66);
    expect(new Set(numbers).size).toBe(66);
    expectNewestFirst(pages);
    expect(pages.every((page) => page.totalCount === 66)).toBe(true);
    expect(pages[0]!.pageInfo.hasPreviousPage).toBe(false);
    expect(pages[1]!.pageInfo.hasPreviousPage).toBe(true);
  });

  it('lists open and closed apart, and each is the whole of its side', async () => {
    const open = await walk('SWEEPPEA', { state: 'OPEN' }, 20, 'number status');
    const closed = await walk('SWEEPPEA', { state: 'CLOSED' }, 100, 'number status');
    expect(numbersOf(open.pages)).toHaveLength(45);
    expect(numbersOf(open.pages)[0]).toBe('2215230');
    expect(open.calls).toEqual([1, 1, 1]);
    expect(numbersOf(closed.pages)).toHaveLength(21);
    expect(closed.calls).toEqual([2]);
    const statuses = (pages: Connection[]) =>
      new Set(pages.flatMap((page) => page.edges.map((edge) => edge.node.status)));
    expect(statuses(open.pages)).toEqual(new Set(['OPEN']));
    expect(statuses(closed.pages)).toEqual(new Set(['CLOSED']));
  });

  it('costs the list calls alone for summary fields, and one read a ticket for its notes', async () => {
    const summary = await list(
      'SWEEPPEA',
      { filter: { state: 'OPEN' }, first: 25 },
      'number status priority createdAt',
    );
    expect(summary.errors).toEqual([]);
    expect(summary.data!.ticketList.edges).toHaveLength(25);
    expect(paths()).toEqual(['fetchOpenTickets', 'fetchOpenTickets']);

    gateway.sandbox.reset();
    const withNotes = await list('SWEEPPEA', { filter: { state: 'OPEN' }, first: 25 }, 'number notes { body }');
    expect(withNotes.errors).toEqual([]);
    expect(paths().filter((path) => path === 'fetchOpenTickets')).toHaveLength(2);
    expect(paths().filter((path) => path === 'fetchSingleTicket')).toHaveLength(25);
  });

  it('passes search through, case-blind', async () => {
    const { pages } = await walk('SWEEPPEA', { search: 'LeaderBoard' }, 20);
    expect(numbersOf(pages)).toEqual(['2646833', '2401461', '2675924', '2636159', '2317415']);
    expect(gateway.sandbox.requests.map((request) => JSON.parse(request.body).search)).toEqual([
      'LeaderBoard',
      'LeaderBoard',
    ]);
  });

  it('never shows a subject the list cut: one that may be cut is read with its ticket', async () => {
    const { pages } = await walk('SWEEPPEA', { search: 'leaderboard' }, 20, 'number subject');
    const subjects = new Map(pages[0]!.edges.map((edge) => [edge.node.number, String(edge.node.subject)]));
    expect(subjects.get('2675924')).toHaveLength(118);
    expect(subjects.get('2317415')).toHaveLength(110);
    // The two long subjects (and 2401461's, exactly 100 long) come from the ticket; the others from the list.
    expect(paths().filter((path) => path === 'fetchSingleTicket')).toHaveLength(3);
  });

  it('refuses a filter Sweeppea cannot apply, with no call', async () => {
    const answer = await list('SWEEPPEA', { filter: { createdAfter: '2026-01-01T00:00:00Z' } });
    expect(answer.errors[0]).toMatchObject({
      message: 'Sweeppea cannot filter its list by `createdAfter`: it filters by `filter.state` and `filter.search`',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(gateway.sandbox.calls('sweeppea')).toBe(0);
  });

  it("refuses one provider's cursor for another's list", async () => {
    const { data } = await list('SWEEPPEA', { first: 2 });
    gateway.sandbox.reset();
    const answer = await list('KAPTURE', { filter: KAPTURE_WEEK, after: data!.ticketList.pageInfo.endCursor });
    expect(answer.errors[0]).toMatchObject({
      message: "`after` is a cursor of another provider's list (SWEEPPEA), not of KAPTURE's",
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });
});

describe('ticketList over HostUp v2: cursor pages, one walk for OPEN', () => {
  let v2: Gateway;
  beforeAll(async () => {
    v2 = await startGateway({ env: { HOSTUP_API: 'v2' } });
  });
  afterAll(() => v2.close());
  beforeEach(() => v2.sandbox.reset());

  it('pages through every ticket once, newest first, a call a page', async () => {
    const { pages, calls } = await walk('HOSTUP', undefined, 20, 'number createdAt', v2);
    const numbers = numbersOf(pages);
    expect(numbers).toHaveLength(91);
    expect(new Set(numbers).size).toBe(91);
    expect(numbers[0]).toBe('644513');
    // Created in the same second: the higher number first.
    expect(numbers.indexOf('612450') + 1).toBe(numbers.indexOf('612449'));
    expectNewestFirst(pages);
    expect(calls).toEqual([1, 1, 1, 1, 1]);
    expect(pages.every((page) => page.totalCount === null)).toBe(true);
  });

  it('answers 50 open tickets from one list call, and CLOSED asks HostUp for closed ones', async () => {
    const open = await list('HOSTUP', { filter: { state: 'OPEN' }, first: 50 }, 'number status statusText', v2);
    expect(open.errors).toEqual([]);
    expect(open.data!.ticketList.edges).toHaveLength(50);
    expect(open.data!.ticketList.edges.some((edge) => edge.node.status === 'CLOSED')).toBe(false);
    expect(v2.sandbox.calls('hostup')).toBe(1);
    const closed = await walk('HOSTUP', { state: 'CLOSED' }, 20, 'number status', v2);
    expect(numbersOf(closed.pages)).toHaveLength(36);
    expect(v2.sandbox.requests.slice(1).every((request) => request.path.includes('status=closed'))).toBe(true);
  });

  it('reads a field the list does not give with the ticket, one read each', async () => {
    const answer = await list('HOSTUP', { first: 5 }, 'number body', v2);
    expect(answer.errors).toEqual([]);
    expect(answer.data!.ticketList.edges.every((edge) => typeof edge.node.body === 'string')).toBe(true);
    expect(v2.sandbox.calls('hostup')).toBe(6);
  });

  it('refuses a search HostUp cannot apply, with no call', async () => {
    const answer = await list('HOSTUP', { filter: { search: 'invoice' } }, 'number', v2);
    expect(answer.errors[0]).toMatchObject({
      message: 'HostUp cannot filter its list by `search`: it filters by `filter.state`',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(v2.sandbox.calls('hostup')).toBe(0);
  });

  it("is not a ListableProvider on HostUp's legacy API", async () => {
    const answer = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ticketList(provider: HOSTUP) { totalCount } }' }),
    });
    const body = (await answer.json()) as { errors: GraphQLError[] };
    expect(body.errors[0]?.message).toBe('Value "HOSTUP" does not exist in "ListableProvider" enum.');
  });
});

describe('ticketList: bad input costs no upstream call', () => {
  it.each([
    ['first: 0', { first: 0 }, '`first` must be 1 to 100; got 0'],
    ['first: 101', { first: 101 }, '`first` must be 1 to 100; got 101'],
    ['first: null', { first: null }, '`first` must be 1 to 100; got null'],
    [
      'a forged cursor',
      { after: 'c1.WyJrYXB0dXJlIiwiIiwxXQ.AAAAAAAAAAAAAAAAAAAAAA' },
      '`after` is not a cursor this gateway issued (or its cursor key has changed since): start the list again without `after`',
    ],
    [
      'a cursor that is not one at all',
      { after: 'page=2' },
      '`after` is not a cursor this gateway issued (or its cursor key has changed since): start the list again without `after`',
    ],
  ])('%s is BAD_USER_INPUT', async (_name, variables, message) => {
    const answer = await list('KAPTURE', { filter: KAPTURE_WEEK, ...variables } as never);
    expect(answer.data).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('refuses a cursor issued for another filter', async () => {
    const { data } = await list('KAPTURE', { filter: KAPTURE_WEEK, first: 5 });
    gateway.sandbox.reset();
    const answer = await list('KAPTURE', {
      filter: { ...KAPTURE_WEEK, state: 'OPEN' },
      after: data!.ticketList.pageInfo.endCursor,
    });
    expect(answer.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(answer.errors[0]!.message).toContain('another filter');
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('refuses a provider that cannot list before anything runs: ListableProvider has no KELIWEB', async () => {
    const post = async (body: unknown) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { errors: GraphQLError[] };
    };
    const inline = await post({ query: '{ ticketList(provider: KELIWEB) { totalCount } }' });
    expect(inline.errors[0]).toMatchObject({
      message: 'Value "KELIWEB" does not exist in "ListableProvider" enum.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const variable = await post({ query: LIST('number'), variables: { provider: 'KELIWEB' } });
    expect(variable.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(gateway.sandbox.calls('keliweb')).toBe(0);
  });
});

describe('ticketList under a failing upstream', () => {
  it('fails the whole page with a typed error, never a page half filled', async () => {
    gateway.sandbox.setFault('kapture', { status: 500, path: /select-ticket-between/ });
    const answer = await list('KAPTURE', { filter: KAPTURE_WEEK, first: 20 });
    expect(answer.data).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]).toMatchObject({ path: ['ticketList'], extensions: { code: 'UPSTREAM_ERROR' } });
  });
});
