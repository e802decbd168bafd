import { providerOnSandbox } from '../on-sandbox.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TicketGraphError } from '../../../../src/domain/errors.js';
import type { Ticket } from '../../../../src/domain/model.js';
import type { ListPosition, ListState, TicketPage } from '../../../../src/domain/ticket-list.js';
import type { Provider } from '../../../../src/providers/provider.js';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import type { CallTrace, UpstreamAttempt, UpstreamClient } from '../../../../src/upstream/types.js';

/** HostUp's v2 list, the provider against the simulator: what one sends, the other serves. */
const TICKETS = '/api/v2/support/tickets';
/** The seeded primary tenant: 91 tickets, 55 of them not closed (docs/providers/hostup.md, Lists). */
const SEEDED = { ANY: 91, OPEN: 55, CLOSED: 36 } as const;

interface Walked {
  readonly numbers: string[];
  /** Per page: `first`, the upstream calls it made, how many edges, and hasNextPage. */
  readonly pages: { first: number; calls: number; edges: number; hasNextPage: boolean }[];
}

/** Starts a sandbox and a v2 provider over it for the describe it is called in; fresh data each test. */
function useListSandbox(copies = 0) {
  let sandbox: Sandbox;
  let http: UpstreamClient;
  let v2: Provider;
  beforeAll(async () => {
    sandbox = await startSandbox({ copies });
    ({ http, provider: v2 } = providerOnSandbox(sandbox, 'hostup', { api: 'v2' }));
  });
  afterAll(async () => {
    await http.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.reset());

  const list = (
    state: ListState,
    first: number,
    after?: ListPosition,
    key?: string,
    trace?: CallTrace,
  ): Promise<TicketPage> =>
    v2.listTickets!(
      { filter: { state }, first, ...(after !== undefined && { after }) },
      { secret: key ?? sandbox.keys.hostup },
      trace,
    );
  /** Pages through the whole list, `sizes` taken in turn as `first`, each page from the last edge of the one before. */
  const walk = async (state: ListState, sizes: readonly number[], key?: string): Promise<Walked> => {
    const walked: Walked = { numbers: [], pages: [] };
    let after: ListPosition | undefined;
    for (let turn = 0; ; turn += 1) {
      const first = sizes[turn % sizes.length]!;
      const before = sandbox.calls('hostup');
      const page = await list(state, first, after, key);
      walked.numbers.push(...page.edges.map((edge) => edge.ticket.number));
      walked.pages.push({
        first,
        calls: sandbox.calls('hostup') - before,
        edges: page.edges.length,
        hasNextPage: page.hasNextPage,
      });
      if (!page.hasNextPage) return walked;
      after = page.edges.at(-1)!.position;
    }
  };
  /** The list as the simulator itself orders it, read page by page without the provider. */
  const upstreamOrder = async (status?: 'closed' | 'not closed', key?: string): Promise<string[]> => {
    const summaries: { number: string; status: string }[] = [];
    for (let cursor: string | null = '', first = true; first || cursor !== null; first = false) {
      const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const answer = await fetch(`${sandbox.urls.hostup}${TICKETS}?${query}`, {
        headers: { authorization: `Bearer ${key ?? sandbox.keys.hostup}` },
      });
      const page = (await answer.json()) as { data: { number: string; status: string }[]; nextCursor: string | null };
      summaries.push(...page.data);
      cursor = page.nextCursor;
    }
    return summaries
      .filter((summary) => status === undefined || (summary.status === 'closed') === (status === 'closed'))
      .map((summary) => summary.number);
  };
  const post = (path: string, body?: unknown) =>
    fetch(`${sandbox.urls.hostup}${TICKETS}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.keys.hostup}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  return { sandbox: () => sandbox, v2: () => v2, list, walk, upstreamOrder, post };
}

const STATUS_OF: Readonly<Record<ListState, 'closed' | 'not closed' | undefined>> = {
  ANY: undefined,
  OPEN: 'not closed',
  CLOSED: 'closed',
};

describe('HostUp v2 list on the seeded sandbox', () => {
  const { sandbox, v2, list, walk, upstreamOrder, post } = useListSandbox();

  it.each([
    ['ANY', [1]],
    ['ANY', [7]],
    ['ANY', [20]],
    ['ANY', [100]],
    ['ANY', [3, 17, 1, 40, 100, 9]],
    ['OPEN', [1]],
    ['OPEN', [7]],
    ['OPEN', [50]],
    ['OPEN', [3, 17, 1, 40, 100, 9]],
    ['CLOSED', [1]],
    ['CLOSED', [20]],
    ['CLOSED', [3, 17, 1, 40, 100, 9]],
  ] as const)(
    'pages through %s with pages of %j: every ticket once, in order, one call a page',
    async (state, sizes) => {
      const reference = await upstreamOrder(STATUS_OF[state]);
      sandbox().reset();
      const walked = await walk(state, sizes);
      expect(walked.numbers).toHaveLength(SEEDED[state]);
      expect(walked.numbers).toEqual(reference);
      // Every page but the last is full; every page is one call (the list holds fewer than 100).
      expect(walked.pages.slice(0, -1).every((page) => page.edges === page.first && page.hasNextPage)).toBe(true);
      expect(walked.pages.map((page) => page.calls)).toEqual(walked.pages.map(() => 1));
    },
  );

  it('costs 1 call for the first 50 open tickets; 3, 2 and 5 to walk OPEN, CLOSED, ANY by 20', async () => {
    const before = sandbox().calls('hostup');
    const open = await list('OPEN', 50);
    expect([open.edges.length, open.hasNextPage, sandbox().calls('hostup') - before]).toEqual([50, true, 1]);
    const calls = async (state: ListState) => (await walk(state, [20])).pages.map((page) => page.calls);
    expect(await calls('OPEN')).toEqual([1, 1, 1]);
    expect(await calls('CLOSED')).toEqual([1, 1]);
    expect(await calls('ANY')).toEqual([1, 1, 1, 1, 1]);
  });

  it('sends limit={first} and nextCursor, and status=closed for CLOSED, as the API documents them', async () => {
    const page = await list('CLOSED', 20);
    await list('CLOSED', 20, page.edges.at(-1)!.position);
    await list('ANY', 7);
    const paths = sandbox().requests.map((request) => request.path);
    expect(paths[0]).toBe(`${TICKETS}?limit=20&status=closed`);
    expect(paths[1]).toMatch(/^\/api\/v2\/support\/tickets\?limit=20&cursor=[\w-]+&status=closed$/);
    expect(paths[2]).toBe(`${TICKETS}?limit=7`);
  });

  it('resumes from any edge, not only the last, reading the rest of its HostUp page in one call', async () => {
    const reference = await upstreamOrder();
    const page = await list('ANY', 60);
    sandbox().reset();
    const resumed = await list('ANY', 60, page.edges[49]!.position);
    expect(resumed.edges.map((edge) => edge.ticket.number)).toEqual(reference.slice(50));
    expect([resumed.hasNextPage, sandbox().requests.map((request) => request.path)]).toEqual([
      false,
      [`${TICKETS}?limit=100`],
    ]);
  });

  it('lists 612450 before 612449, created in the same second, across a page break too', async () => {
    const reference = await upstreamOrder();
    const at = reference.indexOf('612450');
    expect(reference.slice(at, at + 2)).toEqual(['612450', '612449']);
    const first = await list('ANY', at + 1);
    const next = await list('ANY', 1, first.edges.at(-1)!.position);
    expect([first.edges.at(-1)!.ticket.number, next.edges[0]!.ticket.number]).toEqual(['612450', '612449']);
    const open = (await walk('OPEN', [100])).numbers;
    expect(open.slice(open.indexOf('612450'), open.indexOf('612450') + 2)).toEqual(['612450', '612449']);
  });

  it("gives each tenant only its own tickets: the other's 4", async () => {
    const other = await walk('ANY', [3], sandbox().otherKeys.hostup);
    expect(other.numbers.sort()).toEqual([...sandbox().ticketNumbers('hostup', 'other')].sort());
    expect(other.numbers).toHaveLength(4);
    const primary = (await walk('ANY', [100])).numbers;
    expect(primary.filter((number) => other.numbers.includes(number))).toEqual([]);
  });

  it('lists each field as the ticket read gives it, for every ticket', async () => {
    const page = await list('ANY', 91);
    expect(page.edges).toHaveLength(SEEDED.ANY);
    const read = await v2().fetchTickets(
      page.edges.map((edge) => edge.ticket.number),
      { secret: sandbox().keys.hostup },
    );
    const keys = new Set<string>();
    page.edges.forEach(({ ticket }, index) => {
      const full = read[index] as Ticket;
      expect(full).not.toBeInstanceOf(Error);
      expect(ticket.number).toBe(full.number);
      const { fetchedAt, ...listed } = ticket.listed;
      expect(Date.parse(fetchedAt!)).not.toBeNaN();
      for (const [key, value] of Object.entries(listed)) {
        keys.add(key);
        expect([ticket.number, key, value]).toEqual([ticket.number, key, full[key as keyof Ticket]]);
      }
      expect(listed).not.toHaveProperty('raw');
    });
    // What a summary has, for every ticket; lastReplyAt too, whether or not it has messages.
    expect([...keys].sort()).toEqual([
      'createdAt',
      'department',
      'lastReplyAt',
      'priority',
      'priorityText',
      'requester',
      'status',
      'statusText',
      'subject',
      'updatedAt',
    ]);
    expect(page.edges.filter((edge) => !('lastReplyAt' in edge.ticket.listed))).toEqual([]);
  });

  it('gives every ticket once while statuses change between pages, as each page reads it', async () => {
    const reference = await upstreamOrder('not closed');
    sandbox().reset();
    const first = await list('OPEN', 20);
    const shown = first.edges.map((edge) => edge.ticket.number);
    // A ticket shown goes from answered to customer_reply; one not shown yet is closed.
    const answered = first.edges.find((edge) => edge.ticket.listed.statusText === 'answered')!.ticket.number;
    expect((await post(`${answered}/messages`, { message: 'Hej igen' })).status).toBe(201);
    const closing = reference[30]!;
    expect((await post(`${closing}/actions/close`)).status).toBe(200);
    let after = first.edges.at(-1)!.position;
    for (let more = first.hasNextPage; more; ) {
      const page = await list('OPEN', 20, after);
      shown.push(...page.edges.map((edge) => edge.ticket.number));
      more = page.hasNextPage;
      after = page.edges.at(-1)?.position ?? after;
    }
    expect(shown).toEqual(reference.filter((number) => number !== closing));
  });

  it('throws what HostUp answers: 401 for another key, an injected 403, 429 and 500', async () => {
    const failure = async (page: Promise<TicketPage>) => {
      const error = await page.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TicketGraphError);
      return error;
    };
    expect(await failure(list('ANY', 20, undefined, 'not-a-key'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    sandbox().setFault('hostup', { status: 403, path: /\/tickets$/, times: 1 });
    expect(await failure(list('ANY', 20))).toMatchObject({ code: 'FORBIDDEN', upstreamStatus: 403 });
    sandbox().setFault('hostup', { status: 429, retryAfter: 7, path: /\/tickets$/, times: 1 });
    expect(await failure(list('ANY', 20))).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7 });
    const page = await list('ANY', 20);
    sandbox().setFault('hostup', { status: 500, path: /\/tickets$/, times: 1 });
    expect(await failure(list('ANY', 20, page.edges.at(-1)!.position))).toMatchObject({
      code: 'UPSTREAM_ERROR',
      upstreamStatus: 500,
    });
  });

  it("makes every call on the request's trace, so the gateway counts it", async () => {
    const attempts: UpstreamAttempt[] = [];
    const trace: CallTrace = { requestId: 'req-list', attempted: (attempt) => attempts.push(attempt) };
    const page = await list('CLOSED', 20, undefined, undefined, trace);
    await list('CLOSED', 20, page.edges.at(-1)!.position, undefined, trace);
    expect(attempts.map((attempt) => [attempt.requestId, attempt.method, attempt.status])).toEqual([
      ['req-list', 'GET', 200],
      ['req-list', 'GET', 200],
    ]);
    expect(sandbox().calls('hostup')).toBe(2);
  });

  it('refuses a position of another state filter without a call', async () => {
    const page = await list('ANY', 20);
    const before = sandbox().calls('hostup');
    const error = await list('CLOSED', 20, page.edges.at(-1)!.position).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'hostup' });
    expect(sandbox().calls('hostup')).toBe(before);
  });
});

describe('HostUp v2 list on three times the seed (273 tickets)', () => {
  const { walk, list, upstreamOrder, sandbox } = useListSandbox(182);

  it.each([
    ['ANY', [20], 273],
    ['ANY', [100, 7], 273],
    ['OPEN', [20], 165],
    ['OPEN', [1, 99, 50], 165],
    ['CLOSED', [20], 108],
  ] as const)('pages through %s with pages of %j: all %i, once each, in order', async (state, sizes, count) => {
    const reference = await upstreamOrder(STATUS_OF[state]);
    sandbox().reset();
    const walked = await walk(state, sizes);
    expect(walked.numbers).toHaveLength(count);
    expect(walked.numbers).toEqual(reference);
  });

  it('costs one call a page for ANY and CLOSED, and one per HostUp page of 100 it reads into for OPEN', async () => {
    expect((await walk('ANY', [20])).pages.map((page) => page.calls)).toEqual(Array(14).fill(1));
    expect((await walk('CLOSED', [20])).pages.map((page) => page.calls)).toEqual(Array(6).fill(1));
    // 273 tickets are three HostUp pages of 100: the page that crosses from one into the next costs two calls.
    const open = (await walk('OPEN', [20])).pages.map((page) => page.calls);
    expect([open.length, open.reduce((sum, calls) => sum + calls, 0)]).toEqual([9, 10]);
    expect(open.every((calls) => calls === 1 || calls === 2)).toBe(true);
  });

  it('reads two HostUp pages when a position inside one asks for more than the rest of it', async () => {
    const page = await list('ANY', 60);
    sandbox().reset();
    const resumed = await list('ANY', 60, page.edges[49]!.position);
    expect(resumed.edges).toHaveLength(60);
    expect(sandbox().requests.map((request) => request.path.replace(/cursor=[\w-]+/, 'cursor=…'))).toEqual([
      `${TICKETS}?limit=100`,
      `${TICKETS}?limit=10&cursor=…`,
    ]);
  });
});
