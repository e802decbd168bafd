import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListState, TicketListQuery } from '../../../../src/domain/ticket-list.js';
import { createSweeppeaProvider } from '../../../../src/providers/sweeppea/index.js';
import { useProviderHarness, type ProviderUnderTest, type SentRequest } from '../provider-harness.js';
import { sweeppeaFixture } from './fixtures.js';
import { pageOf, summaries } from './list-pages.js';

const SWEEPPEA: ProviderUnderTest = {
  name: 'sweeppea',
  create: createSweeppeaProvider,
  baseUrl: 'https://api-v3.sweeppea.com',
  timezone: 'UTC',
  maxBatch: 1,
  route: { path: '/tickets/fetchOpenTickets', method: 'POST' },
  secret: 'sk_live_9f8e7d6c5b4a',
  number: 'HYXTNJV',
};
const CLOSED = { path: '/tickets/fetchClosedTickets' };
const NOW = '2025-02-01T09:00:00.000Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Sweeppea listTickets over HTTP', () => {
  const { http, intercept, answer } = useProviderHarness(SWEEPPEA);
  const list = (state: ListState, first = 20, extra: Partial<TicketListQuery['filter']> = {}) =>
    createSweeppeaProvider({ http: http(), timezone: 'UTC', maxBatch: 1 }).listTickets!(
      { filter: { state, ...extra }, first },
      { secret: SWEEPPEA.secret },
    );

  it('sends the documented request: POST fetchOpenTickets, Bearer key, JSON content type, {page: 1}', async () => {
    let sent: SentRequest | undefined;
    intercept().reply((options) => {
      sent = options;
      return { statusCode: 200, data: JSON.stringify(sweeppeaFixture('fetch-open-tickets.json')) };
    });
    await list('OPEN');
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/tickets/fetchOpenTickets',
      headers: { authorization: `Bearer ${SWEEPPEA.secret}`, 'content-type': 'application/json' },
      body: '{"page":1}',
    });
  });

  it('asks fetchClosedTickets for CLOSED, with the search as given', async () => {
    let sent: SentRequest | undefined;
    intercept(CLOSED).reply((options) => {
      sent = options;
      return { statusCode: 200, data: JSON.stringify(sweeppeaFixture('fetch-closed-tickets.json')) };
    });
    await list('CLOSED', 20, { search: 'Leaderboard' });
    expect(sent).toMatchObject({ path: '/tickets/fetchClosedTickets', body: '{"search":"Leaderboard","page":1}' });
  });

  it('gives of each summary the fields it holds, mapped as a ticket read maps them, a cut subject left out', async () => {
    answer(200, sweeppeaFixture('fetch-open-tickets.json'));
    const page = await list('OPEN');
    expect(page.edges.map((edge) => edge.ticket)).toEqual([
      {
        provider: 'sweeppea',
        number: 'HYXTNJV',
        listed: {
          subject: 'Issue with sweepstakes configuration',
          status: 'OPEN',
          statusText: 'Open',
          priority: 'MEDIUM',
          priorityText: 'Medium',
          createdAt: '2025-01-26T10:00:00Z',
          department: 'renaissance',
          fetchedAt: NOW,
        },
      },
      {
        provider: 'sweeppea',
        number: '2650478',
        listed: {
          subject: 'Issue with sweepstakes entry',
          status: 'OPEN',
          statusText: 'Open',
          priority: 'HIGH',
          priorityText: 'High',
          createdAt: '2025-01-15T10:30:00Z',
          department: 'entry-page',
          fetchedAt: NOW,
        },
      },
      {
        // Its subject has 100 characters: maybe cut, so the ticket read gives it.
        provider: 'sweeppea',
        number: '2675924',
        listed: {
          status: 'OPEN',
          statusText: 'Open',
          priority: 'LOW',
          priorityText: 'Low',
          createdAt: '2025-01-02T16:45:00Z',
          department: 'entrants',
          fetchedAt: NOW,
        },
      },
    ]);
    expect(page).toMatchObject({ hasNextPage: false, totalCount: 3 });
  });

  it('merges the open and closed lists for ANY, newest first, the open one first of two at one instant', async () => {
    answer(200, sweeppeaFixture('fetch-open-tickets.json'));
    answer(200, sweeppeaFixture('fetch-closed-tickets.json'), {}, CLOSED);
    const page = await list('ANY');
    expect(page.edges.map((edge) => [edge.ticket.number, edge.ticket.listed.status])).toEqual([
      ['HYXTNJV', 'OPEN'],
      ['2719934', 'CLOSED'],
      // Both created 2025-01-15T10:30:00Z.
      ['2650478', 'OPEN'],
      ['2718820', 'CLOSED'],
      ['2675924', 'OPEN'],
    ]);
    expect(page.edges[1]!.ticket.listed).toMatchObject({ status: 'CLOSED', statusText: 'Closed' });
    expect(page).toMatchObject({ hasNextPage: false, totalCount: 5 });
  });

  it.each<[string, number, unknown, string, boolean]>([
    ['the documented 401', 401, sweeppeaFixture('error-401.json'), 'UNAUTHENTICATED', false],
    ['the documented 403 for a wrong key', 403, sweeppeaFixture('error-403.json'), 'UNAUTHENTICATED', false],
    ['a 403 for a plan limit', 403, { Response: false, Message: 'Plan limit exceeded', Code: 403 }, 'FORBIDDEN', false],
    ['the documented 500', 500, sweeppeaFixture('error-500.json'), 'UPSTREAM_ERROR', true],
    [
      'a 400 (a page it refuses)',
      400,
      { Response: false, Message: 'Invalid page number', Code: 400 },
      'UPSTREAM_ERROR',
      false,
    ],
    [
      'a 404: no such endpoint, not a missing ticket',
      404,
      { Response: false, Message: 'Not Found', Code: 404 },
      'UPSTREAM_ERROR',
      false,
    ],
    [
      'Response: false in a 200, by its Code',
      200,
      { Response: false, Message: 'Invalid or Missing Bearer Token', Code: 401 },
      'UNAUTHENTICATED',
      false,
    ],
    [
      'Response: false in a 200 without a Code',
      200,
      { Response: false, Message: 'Something odd' },
      'UPSTREAM_ERROR',
      false,
    ],
    ['429', 429, { Response: false, Message: 'Too Many Requests', Code: 429 }, 'RATE_LIMITED', true],
  ])('maps %s (HTTP %i)', async (_, status, body, code, retryable) => {
    answer(status, body);
    const failure = await list('OPEN').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code, provider: 'sweeppea', upstreamStatus: status, retryable });
    expect(String((failure as Error).message)).not.toContain(SWEEPPEA.secret);
  });

  const firstPage = pageOf(summaries(45, 'T'), 1);
  const withData = (data: Record<string, unknown>) => ({ ...firstPage, Data: { ...firstPage.Data, ...data } });
  const [newest, next] = firstPage.Data.Tickets;
  it.each<[string, unknown]>([
    ['no Data', { Response: true }],
    ['another page than the one asked for', withData({ Page: 2 })],
    ['pages of another size', withData({ Limit: 25 })],
    ['more pages than its count fills', withData({ TotalPages: 4 })],
    ['fewer summaries than its count leaves for the page', withData({ Tickets: firstPage.Data.Tickets.slice(1) })],
    ['more summaries than a page holds', withData({ Tickets: [...firstPage.Data.Tickets, newest] })],
    ['summaries out of date order', withData({ Tickets: [next, newest, ...firstPage.Data.Tickets.slice(2)] })],
    [
      'a case number no ticket can have',
      withData({ Tickets: [{ ...newest, CaseNumber: 'HY-XT' }, ...firstPage.Data.Tickets.slice(1)] }),
    ],
    [
      'a summary without a date',
      withData({ Tickets: [{ ...newest, Date: null }, ...firstPage.Data.Tickets.slice(1)] }),
    ],
    ['a count that is no number', withData({ TotalTickets: 'many' })],
    ['text that is not JSON', '<html>502 Bad Gateway</html>'],
  ])('refuses a page with %s: UPSTREAM_INVALID_RESPONSE, no edges', async (_, body) => {
    answer(200, body);
    await expect(list('OPEN')).rejects.toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'sweeppea' });
  });

  it('lists a case once when both lists hold it, as when it is closed between the two calls', async () => {
    const closed = sweeppeaFixture('fetch-closed-tickets.json') as { Data: { Tickets: { CaseNumber: unknown }[] } };
    closed.Data.Tickets[0]!.CaseNumber = 'HYXTNJV';
    answer(200, sweeppeaFixture('fetch-open-tickets.json'));
    answer(200, closed, {}, CLOSED);
    const page = await list('ANY');
    expect(page.edges.map((edge) => edge.ticket.number).filter((number) => number === 'HYXTNJV')).toEqual(['HYXTNJV']);
  });

  it('returns no half page: ANY fails whole when the closed list fails after the open one answered', async () => {
    answer(200, sweeppeaFixture('fetch-open-tickets.json'));
    answer(500, sweeppeaFixture('error-500.json'), {}, CLOSED);
    await expect(list('ANY')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 500 });
  });

  it('returns no half page: a page of 25 fails whole when its second upstream page fails', async () => {
    answer(200, firstPage);
    answer(503, '', {}, { body: '{"page":2}' });
    await expect(list('OPEN', 25)).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', retryable: true });
  });
});
