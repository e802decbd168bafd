import { describe, expect, it } from 'vitest';
import { getTicket } from '../../../../src/providers/hostup/client.js';
import { createHostupProvider } from '../../../../src/providers/hostup/index.js';
import {
  fetchThrough,
  outcomeOf,
  stubUpstream,
  timeoutOf,
  useProviderHarness,
  type ProviderUnderTest,
} from '../provider-harness.js';
import { hostupFixture } from './fixtures.js';

const HOSTUP: ProviderUnderTest = {
  name: 'hostup',
  create: createHostupProvider,
  baseUrl: 'https://cloud.hostup.se',
  timezone: 'Europe/Stockholm',
  maxBatch: 1,
  route: { path: '/api/support/tickets/616828', method: 'GET' },
  secret: 'hu_live_3c2b1a0f9e8d',
  number: '616828',
};
const KEY = HOSTUP.secret;
/** Matches only the call for ticket `number`. */
const forTicket = (number: string) => ({ path: `/api/support/tickets/${number}` });
const withTicket = (changes: Record<string, unknown>) => {
  const body = hostupFixture('get-ticket.example.json');
  return { ...body, data: { ticket: { ...body.data.ticket, ...changes } } };
};

describe('HostUp fetchTickets over HTTP', () => {
  const {
    http,
    answer,
    readCapturing,
    fetchTickets,
    fetchOne,
    errorFor,
    expectKeyKeptOutOfErrors,
    itMapsDocumentedErrors,
  } = useProviderHarness(HOSTUP);

  it('sends the documented request: GET, the number in the path, X-API-Key, JSON content type, no body', async () => {
    const { request, results } = await readCapturing(hostupFixture('get-ticket.example.json'));
    expect(request.path).toBe('/api/support/tickets/616828');
    expect(request).toMatchObject({ headers: { 'x-api-key': KEY, 'content-type': 'application/json' } });
    expect(request.body ?? undefined).toBeUndefined();
    expect(results[0]).toMatchObject({ provider: 'hostup', number: '616828', status: 'WAITING_ON_CUSTOMER' });
  });

  it('escapes the number into one path segment', async () => {
    answer(404, hostupFixture('error-404.json'), {}, forTicket('..%2F1%3Fx%3D2'));
    await expect(getTicket(http(), '../1?x=2', KEY)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  itMapsDocumentedErrors(
    [
      ['error-401.json', 401, 'UNAUTHENTICATED', false],
      ['error-403.json', 403, 'FORBIDDEN', false],
      ['error-404.json', 404, 'NOT_FOUND', false],
      ['error-429.json', 429, 'RATE_LIMITED', true],
    ],
    hostupFixture,
    'message',
  );

  it('says which ticket is missing', async () => {
    expect((await errorFor(404, hostupFixture('error-404.json'))).message).toBe('HostUp has no ticket 616828');
  });

  it('refuses an answer for another ticket than the one asked for', async () => {
    answer(200, withTicket({ ticket_number: '999' }), {}, forTicket('2'));
    expect(await fetchOne('2')).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      provider: 'hostup',
      message: 'The hostup answer for ticket 2 is another ticket',
    });
  });

  it('accepts the asked ticket written with leading zeros', async () => {
    answer(200, withTicket({ ticket_number: '0042' }), {}, forTicket('42'));
    expect(await fetchOne('42')).toMatchObject({ provider: 'hostup', number: '0042' });
  });

  it.each([
    ["the body's retryAfter string", {}, 60],
    ['the longer of body and Retry-After header', { 'retry-after': '120' }, 120],
    ['the body when the header is shorter', { 'retry-after': '5' }, 60],
    ['a 400-digit header, capped at one day', { 'retry-after': '9'.repeat(400) }, 86_400],
  ])('reads the wait of a 429 from %s', async (_, headers, retryAfter) => {
    expect(await errorFor(429, hostupFixture('error-429.json'), headers)).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter,
    });
  });

  it('reads a Retry-After header alone, and no wait when neither says one', async () => {
    const headerOnly = await errorFor(
      429,
      { error: 'Too Many Requests', message: 'Slow down' },
      { 'retry-after': '9' },
    );
    expect(headerOnly).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 9 });
    const neither = await errorFor(429, { error: 'Too Many Requests', message: 'Slow down', retryAfter: 'soon' });
    expect(neither).toMatchObject({ code: 'RATE_LIMITED', retryAfter: undefined });
  });

  it.each([
    [500, true],
    [502, true],
    [400, false],
  ])('maps HTTP %i to UPSTREAM_ERROR, retryable %s', async (status, retryable) => {
    const error = await errorFor(status, { error: 'Error', message: 'x', code: 'X', timestamp: '', requestId: 'r' });
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: status, retryable });
  });

  it('passes on the wait a 503 asks for', async () => {
    expect(await errorFor(503, { error: 'Service Unavailable', message: 'x' }, { 'retry-after': '12' })).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryAfter: 12,
    });
  });

  it.each([
    ['error-200-not-found.json', 'NOT_FOUND', 'HostUp has no ticket 616828', undefined],
    ['error-200-unauthorized.json', 'UNAUTHENTICATED', 'HostUp rejected the API key', undefined],
    ['error-200-forbidden.json', 'FORBIDDEN', 'HostUp refused access to ticket 616828', undefined],
    ['error-200-rate-limited.json', 'RATE_LIMITED', 'HostUp rate limit reached', 30],
  ])(
    'reads %s (success: false in an HTTP 200) as the error its `error` word names, never a ticket',
    async (file, code, message, retryAfter) => {
      const error = await errorFor(200, hostupFixture(file));
      expect({
        code: error.code,
        message: error.message,
        upstreamStatus: error.upstreamStatus,
        retryAfter: error.retryAfter,
      }).toEqual({ code, message, upstreamStatus: 200, retryAfter });
    },
  );

  it.each([
    ['error-401.json', 'UNAUTHENTICATED', undefined],
    ['error-403.json', 'FORBIDDEN', undefined],
    ['error-404.json', 'NOT_FOUND', undefined],
    ['error-429.json', 'RATE_LIMITED', 60],
  ])(
    'reads the 4xx document %s in an HTTP 200, with or without success: false, by its `error` words',
    async (file, code, retryAfter) => {
      for (const body of [hostupFixture(file), { success: false, ...hostupFixture(file) }]) {
        const error = await errorFor(200, body);
        expect([error.code, error.upstreamStatus, error.retryAfter]).toEqual([code, 200, retryAfter]);
      }
    },
  );

  it.each([
    ['error-200-unknown.json', hostupFixture('error-200-unknown.json')],
    ['success: false alone', { success: false }],
  ])('reads %s in an HTTP 200 as an UPSTREAM_ERROR that names no upstream words', async (_, body) => {
    const error = await errorFor(200, body);
    expect({
      code: error.code,
      message: error.message,
      upstreamStatus: error.upstreamStatus,
      retryable: error.retryable,
    }).toEqual({
      code: 'UPSTREAM_ERROR',
      message: 'HostUp answered ticket 616828 with an error of a kind the gateway does not know',
      upstreamStatus: 200,
      retryable: false,
    });
  });

  it.each([
    ['no ticket', { success: true, data: {} }],
    ['a date in another format', withTicket({ lastreply: '04/01/2025 14:05' })],
    ['a reply date that is no date', withTicket({ replies: [{ id: '1', date: 'igår' }] })],
    ['a status of the wrong type', withTicket({ status: 3 })],
    ['no number at all', withTicket({ ticket_number: '', number: null, id: '0' })],
    ['text that is not JSON', '<html>Bad gateway</html>'],
  ])('maps a 200 with %s to UPSTREAM_INVALID_RESPONSE', async (_, body) => {
    expect(await errorFor(200, body)).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup' });
  });

  it('never puts the API key in an error message or its extensions', async () => {
    await expectKeyKeptOutOfErrors([
      [401, hostupFixture('error-401.json')],
      [403, {}],
      [429, {}],
      [500, ''],
      [200, { success: true }],
    ]);
  });

  it('answers in order, one entry a number, a failure in its own place', async () => {
    answer(200, withTicket({ ticket_number: '11', number: '11' }), {}, forTicket('11'));
    answer(404, hostupFixture('error-404.json'), {}, forTicket('12'));
    answer(200, withTicket({ ticket_number: '13', number: '13' }), {}, forTicket('13'));
    expect((await fetchTickets(['11', '12', '13'])).map(outcomeOf)).toEqual(['11', 'NOT_FOUND', '13']);
  });
});

describe('HostUp fetchTickets with a failing transport', () => {
  it("returns the client's thrown error as that number's entry instead of rejecting", async () => {
    const timeout = timeoutOf('hostup');
    const http = stubUpstream('hostup', async ({ path }) => {
      if (path.endsWith('/2')) throw timeout;
      return { status: 200, headers: {}, body: hostupFixture('get-ticket.example.json') };
    });
    const results = await fetchThrough(HOSTUP, http, ['616828', '2']);
    expect(results[0]).toMatchObject({ number: '616828' });
    expect(results[1]).toBe(timeout);
  });
});
