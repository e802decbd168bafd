import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TicketGraphError, ValidationError } from '../../../../src/domain/errors.js';
import type { ListPosition, ListState, TicketPage } from '../../../../src/domain/ticket-list.js';
import { createHostupProvider } from '../../../../src/providers/hostup/index.js';
import type { SentRequest } from '../provider-harness.js';
import { createMockUpstream, recording, useMockAgent } from '../mock-upstream.js';
import { hostupFixture } from './fixtures.js';

const BASE = 'https://cloud.hostup.se';
const TOKEN = 'hu_v2_7f6e5d4c3b2a';
const NOW = '2025-04-01T12:06:03.000Z';
const JSON_TYPE = { 'content-type': 'application/json' };
const PROBLEM = { 'content-type': 'application/problem+json' };
/** The documented example page's `nextCursor`. */
const NEXT = 'eyJjIjoxNzM5MjY4MjA3MDAwLCJuIjoiNjE0NzMxIn0';

const agent = useMockAgent();
let sent: SentRequest[];
beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse(NOW), toFake: ['Date'] });
  sent = [];
});
afterEach(() => {
  vi.useRealTimers();
});

/** The next call to `path` (query included, as sent) answers `status` and `body`, and is kept in `sent`. */
function answer(path: string, status: number, body: unknown, headers: Record<string, string> = JSON_TYPE): void {
  agent()
    .get(BASE)
    .intercept({ path, method: 'GET' })
    .reply((options) => {
      sent.push(options);
      return {
        statusCode: status,
        data: typeof body === 'string' ? body : JSON.stringify(body),
        responseOptions: { headers },
      };
    });
}

/** A page of the provider's list. */
async function list(state: ListState, first: number, after?: ListPosition): Promise<TicketPage> {
  const http = recording(createMockUpstream('hostup', BASE, agent()));
  const provider = createHostupProvider({ http: http.http, timezone: 'Europe/Stockholm', maxBatch: 1, api: 'v2' });
  const before = sent.length;
  try {
    return await provider.listTickets!(
      { filter: { state }, first, ...(after !== undefined && { after }) },
      { secret: TOKEN },
    );
  } finally {
    // Every call the provider made went to an interceptor of this test.
    expect(http.sent.length).toBe(sent.length - before);
  }
}

async function failure(state: ListState, first: number, after?: ListPosition): Promise<TicketGraphError> {
  const error = await list(state, first, after).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TicketGraphError);
  return error as TicketGraphError;
}

const numbers = (page: TicketPage) => page.edges.map((edge) => edge.ticket.number);
const examplePage = () => hostupFixture('v2-list-tickets.json');
const lastPage = () => hostupFixture('v2-list-tickets-last.json');
/** The example page with `changes` made to its summary at `index`. */
const withSummary = (index: number, changes: Record<string, unknown>) => {
  const page = examplePage();
  page.data[index] = { ...page.data[index], ...changes };
  return page;
};

const ASA = { name: 'Åsa Lindström', email: null, isStaff: false };

describe('HostUp v2 listTickets: the request', () => {
  it('asks GET /api/v2/support/tickets?limit={first} with the token as Bearer, no API key and no body', async () => {
    answer('/api/v2/support/tickets?limit=3', 200, examplePage());
    const page = await list('ANY', 3);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/api/v2/support/tickets?limit=3' });
    expect(sent[0]!.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, accept: 'application/json' });
    expect(sent[0]!.headers).not.toHaveProperty('x-api-key');
    expect(sent[0]!.body ?? undefined).toBeUndefined();
    expect(numbers(page)).toEqual(['616828', '614731', '613907']);
    expect([page.hasNextPage, page.totalCount]).toEqual([true, null]);
  });

  it('gives exactly the fields a summary has, as the ticket read maps them, and when the list was read', async () => {
    answer('/api/v2/support/tickets?limit=3', 200, examplePage());
    const [answered, closed, onHold] = (await list('ANY', 3)).edges.map((edge) => edge.ticket);
    expect(answered).toEqual({
      provider: 'hostup',
      number: '616828',
      listed: {
        subject: 'Webbplatsen laddar långsamt sedan i morse',
        status: 'WAITING_ON_CUSTOMER',
        statusText: 'answered',
        priority: 'URGENT',
        priorityText: 'critical',
        createdAt: '2025-03-04T08:12:44Z',
        updatedAt: '2025-04-01T12:05:10Z',
        lastReplyAt: '2025-04-01T12:05:10Z',
        requester: ASA,
        department: 'Teknisk support',
        fetchedAt: NOW,
      },
    });
    expect(closed?.listed).toMatchObject({ status: 'CLOSED', statusText: 'closed', priority: 'MEDIUM' });
    // No message, so no last reply: known from `messageCount: 0` without `lastMessageAt`.
    expect(onHold?.listed).toMatchObject({
      status: 'ON_HOLD',
      priority: 'LOW',
      department: 'Domäner',
      lastReplyAt: null,
    });
  });

  it('leaves out what a summary does not send, and what the ticket could fill from elsewhere', async () => {
    const page = withSummary(0, {
      subject: undefined,
      updatedAt: undefined,
      lastMessageAt: undefined,
      messageCount: 3,
      departmentName: '',
      departmentSlug: undefined,
      requesterName: null,
      priority: null,
    });
    answer('/api/v2/support/tickets?limit=1', 200, { ...page, data: [page.data[0]] });
    const [{ ticket }] = (await list('ANY', 1)).edges as [TicketPage['edges'][number]];
    expect(ticket.listed).toEqual({
      status: 'WAITING_ON_CUSTOMER',
      statusText: 'answered',
      priority: null,
      priorityText: null,
      createdAt: '2025-03-04T08:12:44Z',
      requester: null,
      fetchedAt: NOW,
    });
  });

  it('names the department by its slug when the name is empty, as the ticket read does', async () => {
    const page = withSummary(0, { departmentName: '' });
    answer('/api/v2/support/tickets?limit=1', 200, { ...page, data: [page.data[0]] });
    expect((await list('ANY', 1)).edges[0]?.ticket.listed.department).toBe('tech-support');
  });

  it('asks HostUp for status=closed for CLOSED', async () => {
    answer('/api/v2/support/tickets?limit=20&status=closed', 200, lastPage());
    const page = await list('CLOSED', 20);
    expect([numbers(page), page.hasNextPage]).toEqual([['611522'], false]);
  });

  it('reads full pages of 100 for OPEN and leaves the closed tickets out, following nextCursor', async () => {
    answer('/api/v2/support/tickets?limit=100', 200, examplePage());
    answer(`/api/v2/support/tickets?limit=100&cursor=${NEXT}`, 200, lastPage());
    const page = await list('OPEN', 5);
    expect(numbers(page)).toEqual(['616828', '613907']);
    expect(page.hasNextPage).toBe(false);
  });

  it('escapes the cursor into the query', async () => {
    answer('/api/v2/support/tickets?limit=3', 200, { ...examplePage(), nextCursor: 'a+b/c=&d' });
    answer('/api/v2/support/tickets?limit=2&cursor=a%2Bb%2Fc%3D%26d', 200, lastPage());
    expect(numbers(await list('ANY', 3))).toHaveLength(3);
    const resumed = await list('ANY', 2, { state: 'ANY', cursor: 'a+b/c=&d', skip: 0, last: '613907' });
    expect(numbers(resumed)).toEqual(['611522']);
  });
});

describe('HostUp v2 listTickets: positions', () => {
  it('puts nextCursor on the last edge where a HostUp page ends: resuming reads nothing twice', async () => {
    answer('/api/v2/support/tickets?limit=3', 200, examplePage());
    const page = await list('ANY', 3);
    expect(page.edges.map((edge) => edge.position)).toEqual([
      { state: 'ANY', cursor: null, skip: 1, last: '616828' },
      { state: 'ANY', cursor: null, skip: 2, last: '614731' },
      { state: 'ANY', cursor: NEXT, skip: 0, last: '613907' },
    ]);
    answer(`/api/v2/support/tickets?limit=3&cursor=${NEXT}`, 200, lastPage());
    const next = await list('ANY', 3, page.edges[2]!.position);
    expect([numbers(next), next.hasNextPage]).toEqual([['611522'], false]);
    expect(sent.map((request) => request.path)).toEqual([
      '/api/v2/support/tickets?limit=3',
      `/api/v2/support/tickets?limit=3&cursor=${NEXT}`,
    ]);
  });

  it('resumes inside a HostUp page by reading it again, the tickets behind the position and more', async () => {
    answer('/api/v2/support/tickets?limit=3', 200, examplePage());
    const page = await list('ANY', 2, { state: 'ANY', cursor: null, skip: 1, last: '616828' });
    expect([numbers(page), page.hasNextPage]).toEqual([['614731', '613907'], true]);
  });

  it('resumes after its last ticket, not after a count, when tickets came ahead of it since', async () => {
    const newer = { ...examplePage().data[0], id: 'tkt_01jqp0', number: '617204', createdAt: '2025-04-01T09:00:00Z' };
    answer('/api/v2/support/tickets?limit=3', 200, {
      ...examplePage(),
      data: [newer, ...examplePage().data.slice(0, 2)],
    });
    answer(`/api/v2/support/tickets?limit=1&cursor=${NEXT}`, 200, {
      data: [examplePage().data[2]],
      nextCursor: null,
    });
    const page = await list('ANY', 2, { state: 'ANY', cursor: null, skip: 1, last: '616828' });
    expect(numbers(page)).toEqual(['614731', '613907']);
  });

  it('moves an OPEN edge past the closed tickets read after it, to nextCursor where the page ends', async () => {
    answer('/api/v2/support/tickets?limit=100', 200, examplePage());
    const page = await list('OPEN', 1);
    expect(numbers(page)).toEqual(['616828']);
    expect(page.edges[0]!.position).toEqual({ state: 'OPEN', cursor: null, skip: 2, last: '614731' });
    expect(page.hasNextPage).toBe(true);
    answer('/api/v2/support/tickets?limit=100', 200, examplePage());
    const next = await list('OPEN', 1, page.edges[0]!.position);
    expect([numbers(next), next.hasNextPage]).toEqual([['613907'], true]);
    expect(next.edges[0]!.position).toEqual({ state: 'OPEN', cursor: NEXT, skip: 0, last: '613907' });
  });

  it('answers an empty last page for OPEN when all that followed was closed', async () => {
    answer(`/api/v2/support/tickets?limit=100&cursor=${NEXT}`, 200, lastPage());
    const page = await list('OPEN', 1, { state: 'OPEN', cursor: NEXT, skip: 0, last: '613907' });
    expect(page).toEqual({ edges: [], hasNextPage: false, totalCount: null });
  });

  it('says hasNextPage for OPEN when HostUp has more, though what follows may all be closed', async () => {
    answer('/api/v2/support/tickets?limit=100', 200, examplePage());
    const page = await list('OPEN', 2);
    expect([numbers(page), page.hasNextPage]).toEqual([['616828', '613907'], true]);
    expect(page.edges[1]!.position).toEqual({ state: 'OPEN', cursor: NEXT, skip: 0, last: '613907' });
  });

  it('answers an empty last page from the position after the last ticket, in one call', async () => {
    answer('/api/v2/support/tickets?limit=20&status=closed', 200, lastPage());
    const page = await list('CLOSED', 20);
    const end = page.edges.at(-1)!.position;
    expect(end).toEqual({ state: 'CLOSED', cursor: null, skip: 1, last: '611522' });
    answer('/api/v2/support/tickets?limit=21&status=closed', 200, lastPage());
    expect(await list('CLOSED', 20, end)).toEqual({ edges: [], hasNextPage: false, totalCount: null });
  });

  it.each([
    ['a string', 'eyJhIjoxfQ'],
    ['a number', 42],
    ['null', null],
    ['an array', ['ANY', null, 1, '616828']],
    ['an empty object', {}],
    ['the start of the list', { state: 'ANY', cursor: null, skip: 0, last: '616828' }],
    ['a skip past a page', { state: 'ANY', cursor: null, skip: 101, last: '616828' }],
    ['a negative skip', { state: 'ANY', cursor: null, skip: -1, last: '616828' }],
    ['a fractional skip', { state: 'ANY', cursor: null, skip: 1.5, last: '616828' }],
    ['a skip as text', { state: 'ANY', cursor: null, skip: '1', last: '616828' }],
    ['a number with leading zeros', { state: 'ANY', cursor: null, skip: 1, last: '0616828' }],
    ['a number that is not one', { state: 'ANY', cursor: null, skip: 1, last: 'HU-616828' }],
    ['no number', { state: 'ANY', cursor: NEXT, skip: 0 }],
    ['an empty cursor', { state: 'ANY', cursor: '', skip: 1, last: '616828' }],
    ['a cursor too long', { state: 'ANY', cursor: 'x'.repeat(2_049), skip: 1, last: '616828' }],
    ['an unknown state', { state: 'PENDING', cursor: NEXT, skip: 0, last: '616828' }],
    ['a key more', { state: 'ANY', cursor: NEXT, skip: 0, last: '616828', limit: 100 }],
    ["another state's list", { state: 'CLOSED', cursor: NEXT, skip: 0, last: '616828' }],
  ])('refuses %s as a position, BAD_USER_INPUT before any call', async (_, position) => {
    const error = await failure('ANY', 20, position as ListPosition);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'hostup' });
    expect(sent).toHaveLength(0);
  });
});

describe('HostUp v2 listTickets: at most 10 calls a page', () => {
  /** A summary numbered `n` with `status`, created `n` seconds after 2025-01-01: a lower number is older. */
  const summary = (n: number, status = 'closed') => ({
    ...examplePage().data[0],
    id: `tkt_${n}`,
    number: String(n),
    status,
    createdAt: new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString().replace('.000Z', 'Z'),
  });
  /** The `index`th page (1 to 10) of a walk from the start: 100 tickets numbered down from 700000, closed but for `open`. */
  const hundred = (index: number, open: readonly number[] = []) =>
    Array.from({ length: 100 }, (_, at) => {
      const n = 700_000 - (index - 1) * 100 - at;
      return summary(n, open.includes(n) ? 'open' : 'closed');
    });
  /** The `index`th call of an OPEN walk from the start: `limit=100`, from `c{index - 1}` after the first. */
  const openPath = (index: number) =>
    index === 1 ? '/api/v2/support/tickets?limit=100' : `/api/v2/support/tickets?limit=100&cursor=c${index - 1}`;
  /** HostUp answers calls 1 to 10 of an OPEN walk with `hundred`, each page with `nextCursor` c{index}. */
  const tenPages = (open: readonly number[] = [], lastNext: string | null = 'c10') => {
    for (let index = 1; index <= 10; index += 1) {
      answer(openPath(index), 200, { data: hundred(index, open), nextCursor: index === 10 ? lastNext : `c${index}` });
    }
  };

  it('stops an OPEN page at 10 calls of closed tickets: no edge, hasNextPage, and resume at the last nextCursor', async () => {
    tenPages();
    const page = await list('OPEN', 1);
    expect(page).toEqual({
      edges: [],
      hasNextPage: true,
      totalCount: null,
      resume: { state: 'OPEN', cursor: 'c10', skip: 0, last: '699001' },
    });
    expect(sent.map((request) => request.path)).toEqual(Array.from({ length: 10 }, (_, at) => openPath(at + 1)));
  });

  it('goes on from resume: the next page reads from that nextCursor, not from the start', async () => {
    answer('/api/v2/support/tickets?limit=100&cursor=c10', 200, {
      data: [summary(699_000, 'closed'), summary(698_999, 'open')],
      nextCursor: null,
    });
    const page = await list('OPEN', 1, { state: 'OPEN', cursor: 'c10', skip: 0, last: '699001' });
    expect([numbers(page), page.hasNextPage]).toEqual([['698999'], false]);
    expect(page).not.toHaveProperty('resume');
    expect(sent.map((request) => request.path)).toEqual(['/api/v2/support/tickets?limit=100&cursor=c10']);
  });

  it('answers the open tickets found before the 10th call, fewer than first, with resume where the walk stopped', async () => {
    tenPages([700_000, 699_550]);
    const page = await list('OPEN', 5);
    expect([numbers(page), page.hasNextPage]).toEqual([['700000', '699550'], true]);
    expect(page.resume).toEqual({ state: 'OPEN', cursor: 'c10', skip: 0, last: '699001' });
    // The first edge stands just before 699550 (the 51st ticket of page 5, read from c4); the last at c10.
    expect(page.edges.map((edge) => edge.position)).toEqual([
      { state: 'OPEN', cursor: 'c4', skip: 50, last: '699551' },
      { state: 'OPEN', cursor: 'c10', skip: 0, last: '699001' },
    ]);
    expect(sent).toHaveLength(10);
  });

  it('answers no resume when the walk ends on the 10th call', async () => {
    tenPages([], null);
    const page = await list('OPEN', 1);
    expect(page).toEqual({ edges: [], hasNextPage: false, totalCount: null });
    expect(page).not.toHaveProperty('resume');
  });

  it('answers no resume when the page fills on the 10th call', async () => {
    tenPages([699_001]);
    const page = await list('OPEN', 1);
    expect([numbers(page), page.hasNextPage]).toEqual([['699001'], true]);
    expect(page.edges[0]!.position).toEqual({ state: 'OPEN', cursor: 'c10', skip: 0, last: '699001' });
    expect(page).not.toHaveProperty('resume');
  });

  it('stops ANY at 10 calls too, when HostUp answers fewer tickets than asked', async () => {
    for (let index = 1; index <= 10; index += 1) {
      const cursor = index === 1 ? '' : `&cursor=c${index - 1}`;
      answer(`/api/v2/support/tickets?limit=${21 - index}${cursor}`, 200, {
        data: [summary(700_001 - index, 'open')],
        nextCursor: `c${index}`,
      });
    }
    const page = await list('ANY', 20);
    expect(numbers(page)).toEqual([
      '700000',
      '699999',
      '699998',
      '699997',
      '699996',
      '699995',
      '699994',
      '699993',
      '699992',
      '699991',
    ]);
    expect([page.hasNextPage, page.resume]).toEqual([true, { state: 'ANY', cursor: 'c10', skip: 0, last: '699991' }]);
    expect(sent).toHaveLength(10);
  });
});

describe('HostUp v2 listTickets: refusals and failures', () => {
  it.each([
    ['v2-error-401.json', 401, {}, 'UNAUTHENTICATED', false],
    ['v2-error-403.json', 403, {}, 'FORBIDDEN', false],
    ['v2-error-429.json', 429, { 'retry-after': '30' }, 'RATE_LIMITED', true],
    ['v2-error-404-route.json', 404, {}, 'UPSTREAM_ERROR', false],
    ['v2-error-405.json', 405, {}, 'UPSTREAM_ERROR', false],
    ['v2-error-400.json', 400, {}, 'UPSTREAM_ERROR', false],
  ])('maps the documented %s (HTTP %i) to its code, throwing', async (file, status, headers, code, retryable) => {
    const body = hostupFixture(file);
    answer('/api/v2/support/tickets?limit=20', status, body, { ...PROBLEM, ...headers });
    const error = await failure('ANY', 20);
    expect(error).toMatchObject({ code, provider: 'hostup', upstreamStatus: status, retryable });
    expect(error.message).not.toContain(body.detail);
    expect(error.message).not.toContain(TOKEN);
  });

  it('passes on the wait of a 429 and its window', async () => {
    answer('/api/v2/support/tickets?limit=20', 429, hostupFixture('v2-error-429.json'), {
      ...PROBLEM,
      'retry-after': '30',
      'x-ratelimit-limit': '120',
      'x-ratelimit-remaining': '0',
    });
    expect(await failure('ANY', 20)).toMatchObject({ retryAfter: 30, rateLimit: { limit: 120, remaining: 0 } });
  });

  it('says HostUp needs the read:support scope when it refuses the list', async () => {
    answer('/api/v2/support/tickets?limit=20', 403, hostupFixture('v2-error-403.json'), PROBLEM);
    expect((await failure('ANY', 20)).message).toMatch(/read:support/);
  });

  it('reads a 400 that refuses the cursor alone as BAD_USER_INPUT on after: the list must start again', async () => {
    answer(`/api/v2/support/tickets?limit=20&cursor=${NEXT}`, 400, hostupFixture('v2-error-400-cursor.json'), PROBLEM);
    const error = await failure('ANY', 20, { state: 'ANY', cursor: NEXT, skip: 0, last: '613907' });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', upstreamStatus: 400 });
  });

  it.each([
    [500, { ...hostupFixture('v2-error-404.json'), status: 500, code: 'internal_error' }, 'UPSTREAM_ERROR', true],
    [503, '<html>Service Unavailable</html>', 'UPSTREAM_ERROR', true],
    [401, { code: 'token_revoked' }, 'UNAUTHENTICATED', false],
    [200, { ...hostupFixture('v2-error-404.json'), status: 500, code: 'internal_error' }, 'UPSTREAM_ERROR', false],
    [200, hostupFixture('v2-error-401.json'), 'UNAUTHENTICATED', false],
  ])('maps HTTP %i with %j to %s', async (status, body, code, retryable) => {
    answer('/api/v2/support/tickets?limit=20', status, body, typeof body === 'string' ? {} : PROBLEM);
    expect(await failure('ANY', 20)).toMatchObject({ code, upstreamStatus: status, retryable });
  });

  it('fails the whole page when a later call fails: no half page', async () => {
    answer('/api/v2/support/tickets?limit=100', 200, examplePage());
    answer(`/api/v2/support/tickets?limit=100&cursor=${NEXT}`, 500, hostupFixture('v2-error-404.json'), PROBLEM);
    expect(await failure('OPEN', 5)).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 500 });
    expect(sent).toHaveLength(2);
  });
});

describe('HostUp v2 listTickets: answers that are not a list', () => {
  const lie = (name: string, body: unknown, first = 3, state: ListState = 'ANY') => [name, body, first, state] as const;
  it.each([
    lie('a body that is not JSON', 'not json'),
    lie('no data', { nextCursor: null }),
    lie('data that is not an array', { data: { 616828: {} }, nextCursor: null }),
    lie('a summary without a number', withSummary(1, { number: undefined })),
    lie('a blank number', withSummary(1, { number: '  ' })),
    lie('a summary without its creation date', withSummary(1, { createdAt: undefined })),
    lie('a creation date that is not ISO-8601', withSummary(1, { createdAt: '2025-02-11 11:03:27' })),
    lie('a status that is not text', withSummary(1, { status: 3 })),
    lie('a cursor that is not text', { ...examplePage(), nextCursor: 42 }),
    lie('more tickets than asked', examplePage(), 2),
    lie('an empty page with a next cursor', { data: [], nextCursor: NEXT }),
    lie('a ticket twice', { ...examplePage(), data: [examplePage().data[0], examplePage().data[0]], nextCursor: null }),
    lie('tickets out of creation order', { ...examplePage(), data: examplePage().data.reverse() }),
    lie('a ticket that is not closed among the closed', examplePage(), 20, 'CLOSED'),
  ])('refuses %s as UPSTREAM_INVALID_RESPONSE, with no page', async (_, body, first, state) => {
    const query = state === 'CLOSED' ? `limit=${first}&status=closed` : `limit=${first}`;
    answer(`/api/v2/support/tickets?${query}`, 200, body);
    expect(await failure(state, first)).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup' });
  });

  it('refuses a next cursor it has read from already, which would never end', async () => {
    answer('/api/v2/support/tickets?limit=100', 200, { ...examplePage(), nextCursor: NEXT });
    answer(`/api/v2/support/tickets?limit=100&cursor=${NEXT}`, 200, {
      data: [{ ...examplePage().data[1], number: '613001', createdAt: '2025-01-10T10:00:00Z' }],
      nextCursor: NEXT,
    });
    expect(await failure('OPEN', 5)).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      message: 'HostUp gave the same list cursor twice',
    });
  });

  it('refuses a ticket listed again on a later page', async () => {
    answer('/api/v2/support/tickets?limit=4', 200, examplePage());
    const again = { ...examplePage().data[2], number: '614731' };
    answer(`/api/v2/support/tickets?limit=1&cursor=${NEXT}`, 200, { data: [again], nextCursor: null });
    expect(await failure('ANY', 4)).toMatchObject({ message: 'HostUp listed ticket 614731 twice' });
  });

  it.each([
    ['letters', 'HU-614731'],
    ['zero', '0'],
    ['eleven digits', '10000000000'],
  ])(
    'fails the page when a listed number is not a HostUp number (%s), though every other ticket is fine',
    async (_, number) => {
      answer('/api/v2/support/tickets?limit=3', 200, withSummary(1, { number }));
      const error = await failure('ANY', 3);
      expect(error).toMatchObject({
        code: 'UPSTREAM_INVALID_RESPONSE',
        message: 'HostUp listed a ticket whose number is not a HostUp ticket number (at data.1.number)',
      });
    },
  );

  it('fails the page for such a number on a closed ticket that OPEN would leave out, too', async () => {
    answer('/api/v2/support/tickets?limit=100', 200, withSummary(1, { number: 'HU-614731' }));
    expect(await failure('OPEN', 5)).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE' });
  });

  it('reads a number sent as a JSON number or with leading zeros in its canonical form', async () => {
    const page = examplePage();
    page.data[0].number = 616828;
    page.data[1].number = '0614731';
    answer('/api/v2/support/tickets?limit=3', 200, page);
    expect(numbers(await list('ANY', 3))).toEqual(['616828', '614731', '613907']);
  });
});
