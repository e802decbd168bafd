import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TicketGraphError, UpstreamTimeoutError } from '../../../../src/errors.js';
import type { Ticket } from '../../../../src/model.js';
import { getTicket } from '../../../../src/providers/hostup/client.js';
import { createHostupProvider } from '../../../../src/providers/hostup/index.js';
import type { UpstreamClient } from '../../../../src/upstream/types.js';
import { createMockUpstream } from '../mock-upstream.js';
import { hostupFixture } from './fixtures.js';

const BASE = 'https://cloud.hostup.se';
const KEY = 'hu_live_3c2b1a0f9e8d';
const PATH = '/api/support/tickets/616828';
const withTicket = (changes: Record<string, unknown>) => {
  const body = hostupFixture('get-ticket.example.json');
  return { ...body, data: { ticket: { ...body.data.ticket, ...changes } } };
};

describe('HostUp fetchTickets over HTTP', () => {
  let agent: MockAgent;
  const provider = () => createHostupProvider({ http: createMockUpstream('hostup', BASE, agent), timezone: 'Europe/Stockholm', maxBatch: 1 });
  const answer = (statusCode: number, data: unknown, headers: Record<string, string> = {}, path = PATH) =>
    agent
      .get(BASE)
      .intercept({ path, method: 'GET' })
      .reply(statusCode, typeof data === 'string' ? data : JSON.stringify(data), { headers });
  const fetchOne = async (): Promise<Ticket | Error> => (await provider().fetchTickets(['616828'], { apiKey: KEY }))[0]!;
  const fetchError = async (): Promise<TicketGraphError> => {
    const result = await fetchOne();
    expect(result).toBeInstanceOf(TicketGraphError);
    return result as TicketGraphError;
  };

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  it('sends the documented request: GET, the number in the path, X-API-Key, JSON content type, no body', async () => {
    let seen: { method: string; path: string; headers?: unknown; body?: unknown } | undefined;
    agent
      .get(BASE)
      .intercept({ path: PATH, method: 'GET' })
      .reply((options) => {
        seen = options;
        return { statusCode: 200, data: JSON.stringify(hostupFixture('get-ticket.example.json')) };
      });
    const ticket = await fetchOne();
    expect(seen).toMatchObject({ method: 'GET', path: PATH, headers: { 'x-api-key': KEY, 'content-type': 'application/json' } });
    expect(seen?.body ?? undefined).toBeUndefined();
    expect(ticket).toMatchObject({ provider: 'hostup', number: '616828', status: 'WAITING_ON_CUSTOMER' });
  });

  it('escapes the number into one path segment', async () => {
    answer(404, hostupFixture('error-404.json'), {}, '/api/support/tickets/..%2F1%3Fx%3D2');
    await expect(getTicket(createMockUpstream('hostup', BASE, agent), '../1?x=2', KEY)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['error-401.json', 401, 'UNAUTHENTICATED', false],
    ['error-403.json', 403, 'FORBIDDEN', false],
    ['error-404.json', 404, 'NOT_FOUND', false],
    ['error-429.json', 429, 'RATE_LIMITED', true],
  ])('maps the documented %s (HTTP %i) to %s', async (file, status, code, retryable) => {
    const body = hostupFixture(file);
    answer(status, body);
    const error = await fetchError();
    expect(error).toMatchObject({ code, provider: 'hostup', upstreamStatus: status, retryable });
    expect(error.message).not.toContain(body.message);
  });

  it('says which ticket is missing', async () => {
    answer(404, hostupFixture('error-404.json'));
    expect((await fetchError()).message).toBe('HostUp has no ticket 616828');
  });

  it.each([
    ['the body\'s retryAfter string', {}, 60],
    ['the longer of body and Retry-After header', { 'retry-after': '120' }, 120],
    ['the body when the header is shorter', { 'retry-after': '5' }, 60],
  ])('reads the wait of a 429 from %s', async (_, headers, retryAfter) => {
    answer(429, hostupFixture('error-429.json'), headers);
    expect(await fetchError()).toMatchObject({ code: 'RATE_LIMITED', retryAfter });
  });

  it('reads a Retry-After header alone, and no wait when neither says one', async () => {
    answer(429, { error: 'Too Many Requests', message: 'Slow down' }, { 'retry-after': '9' });
    expect(await fetchError()).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 9 });
    answer(429, { error: 'Too Many Requests', message: 'Slow down', retryAfter: 'soon' });
    expect(await fetchError()).toMatchObject({ code: 'RATE_LIMITED', retryAfter: undefined });
  });

  it.each([
    [500, true],
    [502, true],
    [400, false],
  ])('maps HTTP %i to UPSTREAM_ERROR, retryable %s', async (status, retryable) => {
    answer(status, { error: 'Error', message: 'x', code: 'X', timestamp: '', requestId: 'r' });
    expect(await fetchError()).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: status, retryable });
  });

  it.each([
    ['success: false', { success: false, error: 'Not Found', message: 'Ticket not found' }],
    ['an error document', hostupFixture('error-404.json')],
  ])('reads %s in an HTTP 200 as an error, not a ticket', async (_, body) => {
    answer(200, body);
    expect(await fetchError()).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 200, retryable: false });
  });

  it.each([
    ['no ticket', { success: true, data: {} }],
    ['a date in another format', withTicket({ lastreply: '04/01/2025 14:05' })],
    ['a reply date that is no date', withTicket({ replies: [{ id: '1', date: 'igår' }] })],
    ['a status of the wrong type', withTicket({ status: 3 })],
    ['no number at all', withTicket({ ticket_number: '', number: null, id: '0' })],
    ['text that is not JSON', '<html>Bad gateway</html>'],
  ])('maps a 200 with %s to UPSTREAM_INVALID_RESPONSE', async (_, body) => {
    answer(200, body);
    expect(await fetchError()).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup' });
  });

  it('never puts the API key in an error message or its extensions', async () => {
    for (const [status, body] of [[401, hostupFixture('error-401.json')], [403, {}], [429, {}], [500, ''], [200, { success: true }]] as const) {
      answer(status, body);
      const error = await fetchError();
      expect(error.message).not.toContain(KEY);
      expect(JSON.stringify(error.extensions)).not.toContain(KEY);
    }
  });

  it('answers in order, one entry a number, a failure in its own place', async () => {
    answer(200, withTicket({ ticket_number: '11', number: '11' }), {}, '/api/support/tickets/11');
    answer(404, hostupFixture('error-404.json'), {}, '/api/support/tickets/12');
    answer(200, withTicket({ ticket_number: '13', number: '13' }), {}, '/api/support/tickets/13');
    const results = await provider().fetchTickets(['11', '12', '13'], { apiKey: KEY });
    expect(results.map((result) => (result instanceof Error ? (result as TicketGraphError).code : result.number))).toEqual([
      '11',
      'NOT_FOUND',
      '13',
    ]);
  });
});

describe('HostUp fetchTickets with a failing transport', () => {
  it('returns the client\'s thrown error as that number\'s entry instead of rejecting', async () => {
    const timeout = new UpstreamTimeoutError('hostup did not answer within 10000 ms', { provider: 'hostup' });
    const http: UpstreamClient = {
      provider: 'hostup',
      request: async ({ path }) => {
        if (path.endsWith('/2')) throw timeout;
        return { status: 200, headers: {}, body: hostupFixture('get-ticket.example.json') };
      },
      close: async () => {},
    };
    const results = await createHostupProvider({ http, timezone: 'Europe/Stockholm', maxBatch: 1 }).fetchTickets(['616828', '2'], { apiKey: KEY });
    expect(results[0]).toMatchObject({ number: '616828' });
    expect(results[1]).toBe(timeout);
  });
});
