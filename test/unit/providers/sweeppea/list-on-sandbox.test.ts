import { providerOnSandbox } from '../on-sandbox.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../src/domain/model.js';
import type { ListPosition, TicketEdge, TicketListFilter } from '../../../../src/domain/ticket-list.js';
import type { Provider } from '../../../../src/providers/provider.js';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import { SWEEPPEA_SEED } from '../../../../src/sandbox/sweeppea/seed.js';
import type { UpstreamClient } from '../../../../src/upstream/types.js';

let sandbox: Sandbox;
let http: UpstreamClient;
let provider: Provider;
beforeAll(async () => {
  sandbox = await startSandbox();
  // As the registry builds it: one call at a time, reads retried.
  ({ http, provider } = providerOnSandbox(sandbox, 'sweeppea', { maxConcurrency: 1, retries: 2 }));
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
});
beforeEach(() => sandbox.reset());

const auth = () => ({ secret: sandbox.keys.sweeppea });

/** Every page of a list, `first` at a time: the edges, and the calls each page cost. */
async function walk(filter: TicketListFilter, first: number, secret = sandbox.keys.sweeppea) {
  const edges: TicketEdge[] = [];
  const calls: number[] = [];
  const totals: (number | null)[] = [];
  let after: ListPosition | undefined;
  for (;;) {
    const before = sandbox.calls('sweeppea');
    const page = await provider.listTickets!({ filter, first, ...(after !== undefined && { after }) }, { secret });
    calls.push(sandbox.calls('sweeppea') - before);
    totals.push(page.totalCount);
    edges.push(...page.edges);
    expect(page.edges.length).toBe(page.hasNextPage ? first : page.edges.length);
    if (!page.hasNextPage) return { numbers: edges.map((edge) => edge.ticket.number), edges, calls, totals };
    after = page.edges.at(-1)!.position;
  }
}

/**
 * The primary tenant's seeded tickets in list order, worked out from the seed rather than the
 * code under test: newest first; at one instant the open one first, then by case number (the
 * sandbox's order of ties).
 */
function seededOrder(closed?: boolean): string[] {
  return SWEEPPEA_SEED.filter((entry) => entry.owner === 'primary')
    .map((entry) => entry.ticket)
    .filter((ticket) => closed === undefined || ticket.Status === closed)
    .sort(
      (a, b) =>
        Date.parse(b.Date) - Date.parse(a.Date) ||
        Number(a.Status) - Number(b.Status) ||
        (a.CaseNumber < b.CaseNumber ? -1 : 1),
    )
    .map((ticket) => ticket.CaseNumber);
}

describe('Sweeppea listTickets against the sandbox', () => {
  it.each([
    ['OPEN', 45, false],
    ['CLOSED', 21, true],
    ['ANY', 66, undefined],
  ] as const)('walks %s (%i tickets) once, in order, at every page size', async (state, count, closed) => {
    const expected = seededOrder(closed);
    expect(expected).toHaveLength(count);
    for (const first of [1, 7, 20, 25, 100]) {
      const { numbers, totals } = await walk({ state }, first);
      expect(numbers).toEqual(expected);
      expect(new Set(totals)).toEqual(new Set([count]));
    }
  });

  it('puts the open ticket first of an open and a closed one created at one instant', async () => {
    const { numbers } = await walk({ state: 'ANY' }, 100);
    // Both created 2024-01-18T00:54:00Z.
    expect(numbers.indexOf('2317415') - numbers.indexOf('2636159')).toBe(1);
  });

  it.each([
    // State, page size: calls per page.
    ['OPEN', 20, [1, 1, 1]],
    ['OPEN', 100, [3]],
    ['OPEN', 25, [2, 2]],
    ['CLOSED', 20, [1, 1]],
    ['CLOSED', 100, [2]],
    ['ANY', 20, [2, 3, 3, 3]],
    ['ANY', 100, [5]],
  ] as const)('walks %s %i at a time with these calls a page: %j', async (state, first, calls) => {
    expect((await walk({ state }, first)).calls).toEqual(calls);
  });

  it('reads two pages for the first 25 open tickets', async () => {
    const page = await provider.listTickets!({ filter: { state: 'OPEN' }, first: 25 }, auth());
    expect(sandbox.requests.map((request) => [request.path, request.body])).toEqual([
      ['/tickets/fetchOpenTickets', '{"page":1}'],
      ['/tickets/fetchOpenTickets', '{"page":2}'],
    ]);
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 45 });
  });

  it('searches Subject and Description ignoring case, on both lists, within the key holder’s tickets', async () => {
    const open = ['2646833', '2675924', '2636159'];
    const closed = ['2401461', '2317415'];
    expect((await walk({ state: 'OPEN', search: 'LeaderBoard' }, 2)).numbers).toEqual(open);
    expect((await walk({ state: 'CLOSED', search: 'leaderboard' }, 20)).numbers).toEqual(closed);
    const any = await walk({ state: 'ANY', search: 'leaderboard' }, 20);
    expect(any.numbers).toEqual(['2646833', '2401461', '2675924', '2636159', '2317415']);
    expect(any.totals).toEqual([5]);
    expect((await walk({ state: 'ANY', search: 'leaderboard' }, 20, sandbox.otherKeys.sweeppea)).numbers).toEqual([
      '2938922',
    ]);
  });

  it('gives in `listed` only what the single-ticket read gives for the same fields, for every ticket', async () => {
    const { edges } = await walk({ state: 'ANY' }, 100);
    const tickets = await provider.fetchTickets(
      edges.map((edge) => edge.ticket.number),
      auth(),
    );
    edges.forEach((edge, index) => {
      const ticket = tickets[index] as Ticket;
      expect(ticket.number).toBe(edge.ticket.number);
      const { fetchedAt, ...listed } = edge.ticket.listed;
      expect(fetchedAt).toEqual(expect.any(String));
      expect(Object.keys(listed).length).toBeGreaterThanOrEqual(6);
      for (const [field, value] of Object.entries(listed)) {
        expect([edge.ticket.number, field, value]).toEqual([edge.ticket.number, field, ticket[field as keyof Ticket]]);
      }
    });
  });

  it('leaves out a subject of 100 characters or more, which the ticket read gives whole', async () => {
    const { edges } = await walk({ state: 'ANY' }, 100);
    const listed = new Map(edges.map((edge) => [edge.ticket.number, edge.ticket.listed]));
    // 118, 117 and 110 characters, and 115 of 117 UTF-16 code units: cut in the summary.
    for (const number of ['2675924', '2893516', '2317415', '2735369'])
      expect(listed.get(number)).not.toHaveProperty('subject');
    // Exactly 100: whole, but a summary cannot show it.
    expect(listed.get('2401461')).not.toHaveProperty('subject');
    expect(listed.get('2341381')).toHaveProperty(
      'subject',
      'Sponsor mailing address is missing from the printable copy of the official rules for the fall promo',
    );
    const [ticket] = (await provider.fetchTickets(['2675924'], auth())) as Ticket[];
    expect(ticket!.subject).toBe(
      'Entrants who signed up through the Spanish landing page during the weekend flash sale are missing from the LEADERBOARD',
    );
  });

  it('shows a ticket closed through the API in the closed list', async () => {
    const [current] = (await provider.fetchTickets(['2650478'], auth())) as Ticket[];
    await provider.closeTicket!(current!, auth());
    expect((await walk({ state: 'OPEN' }, 100)).numbers).not.toContain('2650478');
    const closed = await walk({ state: 'CLOSED' }, 100);
    expect(closed.numbers).toContain('2650478');
    expect(closed.edges.find((edge) => edge.ticket.number === '2650478')!.ticket.listed.status).toBe('CLOSED');
  });

  it('retries a list read the busy endpoint answers 503, and fails on a 500', async () => {
    sandbox.setFault('sweeppea', { status: 503, times: 1, path: /fetchOpenTickets$/ });
    const page = await provider.listTickets!({ filter: { state: 'OPEN' }, first: 5 }, auth());
    expect(page.edges).toHaveLength(5);
    expect(sandbox.calls('sweeppea')).toBe(2);
    sandbox.setFault('sweeppea', { status: 500, path: /fetchClosedTickets$/ });
    await expect(provider.listTickets!({ filter: { state: 'ANY' }, first: 5 }, auth())).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      upstreamStatus: 500,
    });
  });

  it('reads a wrong key as UNAUTHENTICATED', async () => {
    await expect(
      provider.listTickets!({ filter: { state: 'OPEN' }, first: 5 }, { secret: 'sk_unknown' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', provider: 'sweeppea', upstreamStatus: 403 });
  });
});
