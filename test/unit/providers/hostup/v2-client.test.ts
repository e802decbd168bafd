import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../../src/domain/errors.js';
import { createHostupProvider } from '../../../../src/providers/hostup/index.js';
import { getTicketV2 } from '../../../../src/providers/hostup/v2/client.js';
import {
  fetchThrough,
  outcomeOf,
  stubUpstream,
  timeoutOf,
  useProviderHarness,
  type ProviderUnderTest,
} from '../provider-harness.js';
import { hostupFixture } from './fixtures.js';

const HOSTUP_V2: ProviderUnderTest = {
  name: 'hostup',
  create: (deps) => createHostupProvider({ ...deps, api: 'v2' }),
  baseUrl: 'https://cloud.hostup.se',
  timezone: 'Europe/Stockholm',
  maxBatch: 1,
  route: { path: '/api/v2/support/tickets/616828', method: 'GET' },
  secret: 'hu_v2_7f6e5d4c3b2a',
  number: '616828',
};
const TOKEN = HOSTUP_V2.secret;
const PROBLEM = { 'content-type': 'application/problem+json' };
const forTicket = (number: string) => ({ path: `/api/v2/support/tickets/${number}` });
const withTicket = (changes: Record<string, unknown>) => ({ ...hostupFixture('v2-get-ticket.json'), ...changes });

describe('HostUp v2 fetchTickets over HTTP', () => {
  const {
    http,
    answer,
    readCapturing,
    fetchTickets,
    fetchOne,
    errorFor,
    expectKeyKeptOutOfErrors,
    itMapsDocumentedErrors,
  } = useProviderHarness(HOSTUP_V2);

  it('sends GET /api/v2/support/tickets/{number} with the token as Bearer, no API key and no body', async () => {
    const { request, results } = await readCapturing(hostupFixture('v2-get-ticket.json'));
    expect(request.path).toBe('/api/v2/support/tickets/616828');
    expect(request.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, accept: 'application/json' });
    expect(request.headers).not.toHaveProperty('x-api-key');
    expect(request.body ?? undefined).toBeUndefined();
    expect(results[0]).toMatchObject({
      provider: 'hostup',
      number: '616828',
      status: 'WAITING_ON_CUSTOMER',
      priority: 'URGENT',
      priorityText: 'critical',
    });
  });

  it('reads the ticket under data as well', async () => {
    answer(200, { data: hostupFixture('v2-get-ticket.json') });
    expect(await fetchOne()).toMatchObject({ number: '616828', statusText: 'answered' });
  });

  it('escapes the reference into one path segment', async () => {
    answer(404, hostupFixture('v2-error-404.json'), PROBLEM, forTicket('tkt_1%2F..%3Fx%3D2'));
    await expect(getTicketV2(http(), 'tkt_1/..?x=2', TOKEN, '616828')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'HostUp has no ticket 616828',
    });
  });

  itMapsDocumentedErrors(
    [
      ['v2-error-401.json', 401, 'UNAUTHENTICATED', false],
      ['v2-error-403.json', 403, 'FORBIDDEN', false],
      ['v2-error-404.json', 404, 'NOT_FOUND', false],
      ['v2-error-429.json', 429, 'RATE_LIMITED', true],
    ],
    hostupFixture,
    'detail',
  );

  it.each([
    ['forbidden', 'a detail that says not found', 404, 'FORBIDDEN'],
    ['not_found', 'a detail that says forbidden', 403, 'NOT_FOUND'],
    ['unauthorized', 'a detail that says rate limited', 429, 'UNAUTHENTICATED'],
    ['rate_limited', 'a detail that says unauthorized', 401, 'RATE_LIMITED'],
  ])('maps by the code %j, whatever %s and HTTP %i say', async (code, _, status, expected) => {
    const detail = { not_found: 'Forbidden.', forbidden: 'Ticket not found.', unauthorized: 'Rate limit exceeded.' };
    const body = {
      ...hostupFixture('v2-error-404.json'),
      code,
      status,
      detail: detail[code as keyof typeof detail] ?? 'Invalid or expired token.',
    };
    expect(await errorFor(status, body, PROBLEM)).toMatchObject({ code: expected, upstreamStatus: status });
  });

  it('reads a 429: Retry-After as the wait, the X-RateLimit-* headers as the window', async () => {
    const error = await errorFor(429, hostupFixture('v2-error-429.json'), {
      ...PROBLEM,
      'retry-after': '30',
      'x-ratelimit-limit': '120',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1743512597',
    });
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 30,
      rateLimit: { limit: 120, remaining: 0, reset: 1743512597 },
    });
    expect(error.extensions).toEqual({
      code: 'RATE_LIMITED',
      provider: 'hostup',
      upstreamStatus: 429,
      retryable: true,
      retryAfter: 30,
    });
  });

  it('has no window when the 429 sends no readable X-RateLimit-* header, and only what it sends', async () => {
    expect(await errorFor(429, hostupFixture('v2-error-429.json'))).toMatchObject({
      retryAfter: undefined,
      rateLimit: undefined,
    });
    const partly = await errorFor(429, hostupFixture('v2-error-429.json'), {
      'x-ratelimit-limit': 'many',
      'x-ratelimit-remaining': '3',
      'x-ratelimit-reset': '-1',
    });
    expect((partly as RateLimitedError).rateLimit).toEqual({ remaining: 3 });
  });

  it.each([
    ['a route-not-found code', 404, hostupFixture('v2-error-404-route.json')],
    ['method_not_allowed', 405, hostupFixture('v2-error-405.json')],
    ['no problem document', 404, ''],
  ])('reads a %s answer (HTTP %i) as a route missing, not as a missing ticket', async (_, status, body) => {
    expect(await errorFor(status, body, PROBLEM)).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message: `HostUp has no v2 ticket route at the configured base URL (HTTP ${status})`,
    });
  });

  it.each([
    [401, 'UNAUTHENTICATED', false],
    [403, 'FORBIDDEN', false],
    [429, 'RATE_LIMITED', true],
    [500, 'UPSTREAM_ERROR', true],
    [503, 'UPSTREAM_ERROR', true],
    [400, 'UPSTREAM_ERROR', false],
  ])('falls back on HTTP %i when no problem document says a code', async (status, code, retryable) => {
    expect(await errorFor(status, '<html>proxy</html>')).toMatchObject({ code, upstreamStatus: status, retryable });
  });

  it('falls back on the status for a code it does not know', async () => {
    const body = { ...hostupFixture('v2-error-401.json'), code: 'token_expired' };
    expect(await errorFor(401, body, PROBLEM)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('maps invalid_request on a read to a non-retryable UPSTREAM_ERROR', async () => {
    expect(await errorFor(400, hostupFixture('v2-error-400.json'), PROBLEM)).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
    });
  });

  it('passes on the wait a 503 asks for', async () => {
    expect(await errorFor(503, '', { 'retry-after': '12' })).toMatchObject({ code: 'UPSTREAM_ERROR', retryAfter: 12 });
  });

  it('reads a problem document in an HTTP 200 as the error its code names', async () => {
    expect(await errorFor(200, hostupFixture('v2-error-404.json'))).toMatchObject({
      code: 'NOT_FOUND',
      upstreamStatus: 200,
    });
  });

  it.each([
    ['no ticket', {}],
    ['a date in another format', withTicket({ createdAt: '2025-03-04 09:12:44' })],
    ['a message date that is no date', withTicket({ messages: [{ id: 'm', sentAt: 'igår' }] })],
    ['a status of the wrong type', withTicket({ status: 3 })],
    ['no number', withTicket({ number: '' })],
    ['a wrapped ticket without a number', { data: { ...hostupFixture('v2-get-ticket.json'), number: null } }],
    ['text that is not JSON', '<html>Bad gateway</html>'],
  ])('maps a 200 with %s to UPSTREAM_INVALID_RESPONSE', async (_, body) => {
    expect(await errorFor(200, body)).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup' });
  });

  it('names where a wrapped answer broke', async () => {
    const error = await errorFor(200, { data: withTicket({ updatedAt: 'igår' }) });
    expect(error.message).toBe('HostUp answered ticket 616828 with an unexpected shape (at data.updatedAt)');
  });

  it('refuses an answer for another ticket than the one asked for', async () => {
    answer(200, withTicket({ number: '999' }), {}, forTicket('2'));
    expect(await fetchOne('2')).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      message: 'The hostup answer for ticket 2 is another ticket',
    });
  });

  it('never puts the token in an error message or its extensions', async () => {
    await expectKeyKeptOutOfErrors([
      [401, hostupFixture('v2-error-401.json')],
      [403, {}],
      [429, {}],
      [500, ''],
      [200, { id: 'tkt_x' }],
    ]);
  });

  it('answers in order, one entry a number, a failure in its own place', async () => {
    answer(200, withTicket({ number: '11' }), {}, forTicket('11'));
    answer(404, hostupFixture('v2-error-404.json'), PROBLEM, forTicket('12'));
    answer(200, withTicket({ number: '13' }), {}, forTicket('13'));
    expect((await fetchTickets(['11', '12', '13'])).map(outcomeOf)).toEqual(['11', 'NOT_FOUND', '13']);
  });
});

describe('HostUp v2 fetchTickets with a failing transport', () => {
  it("returns the client's thrown error as that number's entry instead of rejecting", async () => {
    const timeout = timeoutOf('hostup');
    const http = stubUpstream('hostup', async ({ path }) => {
      if (path.endsWith('/2')) throw timeout;
      return { status: 200, headers: {}, body: hostupFixture('v2-get-ticket.json') };
    });
    const results = await fetchThrough(HOSTUP_V2, http, ['616828', '2']);
    expect(results[0]).toMatchObject({ number: '616828' });
    expect(results[1]).toBe(timeout);
  });
});
