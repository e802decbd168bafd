import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TicketGraphError, UpstreamTimeoutError } from '../../../../src/errors.js';
import type { Ticket } from '../../../../src/model.js';
import { createSweeppeaProvider } from '../../../../src/providers/sweeppea/index.js';
import type { UpstreamClient } from '../../../../src/upstream/types.js';
import { createMockUpstream } from '../mock-upstream.js';
import { sweeppeaFixture } from './fixtures.js';

const BASE = 'https://api-v3.sweeppea.com';
const KEY = 'sk_live_9f8e7d6c5b4a';
const PATH = '/tickets/fetchSingleTicket';

describe('Sweeppea fetchTickets over HTTP', () => {
  let agent: MockAgent;
  const provider = () => createSweeppeaProvider({ http: createMockUpstream('sweeppea', BASE, agent), timezone: 'UTC', maxBatch: 1 });
  const answer = (statusCode: number, data: unknown, headers: Record<string, string> = {}, caseNumber?: string) =>
    agent
      .get(BASE)
      .intercept({ path: PATH, method: 'POST', ...(caseNumber && { body: JSON.stringify({ caseNumber }) }) })
      .reply(statusCode, typeof data === 'string' ? data : JSON.stringify(data), { headers });
  const fetchOne = async (): Promise<Ticket | Error> => (await provider().fetchTickets(['HYXTNJV'], { apiKey: KEY }))[0]!;
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

  it('sends the documented request: POST, Bearer key, JSON content type, {caseNumber}', async () => {
    let seen: { method: string; path: string; headers?: unknown; body?: unknown } | undefined;
    agent
      .get(BASE)
      .intercept({ path: PATH, method: 'POST' })
      .reply((options) => {
        seen = options;
        return { statusCode: 200, data: JSON.stringify(sweeppeaFixture('fetch-single-ticket.json')) };
      });
    const ticket = await fetchOne();
    expect(seen).toMatchObject({
      method: 'POST',
      path: PATH,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: '{"caseNumber":"HYXTNJV"}',
    });
    expect(ticket).toMatchObject({ provider: 'sweeppea', number: 'HYXTNJV', status: 'OPEN' });
  });

  it.each([
    ['error-400.json', 400, 'UPSTREAM_ERROR', false],
    ['error-401.json', 401, 'UNAUTHENTICATED', false],
    // A wrong key gets 403 "Invalid API Token": for our users that is a bad credential.
    ['error-403.json', 403, 'UNAUTHENTICATED', false],
    ['error-404.json', 404, 'NOT_FOUND', false],
    ['error-500.json', 500, 'UPSTREAM_ERROR', true],
  ])('maps the documented %s (HTTP %i) to %s', async (file, status, code, retryable) => {
    const body = sweeppeaFixture(file);
    answer(status, body);
    const error = await fetchError();
    expect(error).toMatchObject({ code, provider: 'sweeppea', upstreamStatus: status, retryable });
    expect(error.message).not.toContain(body.Message);
  });

  it('says which ticket is missing', async () => {
    answer(404, sweeppeaFixture('error-404.json'));
    expect((await fetchError()).message).toBe('Sweeppea has no ticket HYXTNJV');
  });

  it.each([
    ['plan limit exceeded', 'Plan limit exceeded'],
    ['no permission', 'You do not have permission to update this ticket'],
  ])('maps a 403 for %s to FORBIDDEN, not UNAUTHENTICATED', async (_, message) => {
    answer(403, { Response: false, Message: message, Code: 403 });
    expect(await fetchError()).toMatchObject({ code: 'FORBIDDEN', upstreamStatus: 403 });
  });

  it('maps 503 (endpoint busy) to a retryable UPSTREAM_ERROR', async () => {
    answer(503, '');
    expect(await fetchError()).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 503, retryable: true });
  });

  it('maps 429 to RATE_LIMITED with the Retry-After seconds', async () => {
    answer(429, { Response: false, Message: 'Too Many Requests', Code: 429 }, { 'retry-after': '7' });
    expect(await fetchError()).toMatchObject({ code: 'RATE_LIMITED', upstreamStatus: 429, retryAfter: 7, retryable: true });
  });

  it('reads Response: false in an HTTP 200 by its Code', async () => {
    answer(200, { Response: false, Message: 'Ticket Not Found or Access Denied', Code: 404 });
    expect(await fetchError()).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 200 });
  });

  it('trusts the HTTP status over a disagreeing Code', async () => {
    answer(404, { Response: false, Message: 'Internal Server Error', Code: 500 });
    expect(await fetchError()).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 404 });
  });

  it('maps Response: false in an HTTP 200 without a Code to a final UPSTREAM_ERROR', async () => {
    answer(200, { Response: false, Message: 'Something odd' });
    expect(await fetchError()).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 200, retryable: false });
  });

  it.each([
    ['no Data', { Response: true }],
    ['a Priority of the wrong type', { Response: true, Data: { CaseNumber: 'HYXTNJV', Priority: { level: 2 } } }],
    ['a date without an offset', { Response: true, Data: { CaseNumber: 'HYXTNJV', Date: '2025-01-26 10:00:00' } }],
    ['a date that is no date', { Response: true, Data: { CaseNumber: 'HYXTNJV', Date: 'yesterday' } }],
    ['a note without text', { Response: true, Data: { CaseNumber: 'HYXTNJV', Notes: [{ Id: '1' }] } }],
    ['an empty CaseNumber', { Response: true, Data: { CaseNumber: '' } }],
    ['an array', []],
    ['text that is not JSON', '<html>502 Bad Gateway</html>'],
  ])('maps a 200 with %s to UPSTREAM_INVALID_RESPONSE', async (_, body) => {
    answer(200, body);
    expect(await fetchError()).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'sweeppea' });
  });

  it('never puts the API key in an error message or its extensions', async () => {
    for (const [status, body] of [[401, sweeppeaFixture('error-401.json')], [403, sweeppeaFixture('error-403.json')], [429, {}], [503, ''], [200, { Response: true }]] as const) {
      answer(status, body);
      const error = await fetchError();
      expect(error.message).not.toContain(KEY);
      expect(JSON.stringify(error.extensions)).not.toContain(KEY);
    }
  });

  it('answers in order, one entry a number, a failure in its own place', async () => {
    answer(200, { Response: true, Data: { ...sweeppeaFixture('fetch-single-ticket.json').Data, CaseNumber: 'A1' } }, {}, 'A1');
    answer(404, sweeppeaFixture('error-404.json'), {}, 'B2');
    answer(200, { Response: true, Data: { ...sweeppeaFixture('fetch-single-ticket.json').Data, CaseNumber: 'C3' } }, {}, 'C3');
    const results = await provider().fetchTickets(['A1', 'B2', 'C3'], { apiKey: KEY });
    expect(results.map((result) => (result instanceof Error ? (result as TicketGraphError).code : result.number))).toEqual([
      'A1',
      'NOT_FOUND',
      'C3',
    ]);
  });
});

describe('Sweeppea fetchTickets with a failing transport', () => {
  it('returns the client\'s thrown error as that number\'s entry instead of rejecting', async () => {
    const timeout = new UpstreamTimeoutError('sweeppea did not answer within 10000 ms', { provider: 'sweeppea' });
    const http: UpstreamClient = {
      provider: 'sweeppea',
      request: async ({ body }) => {
        if (body === JSON.stringify({ caseNumber: 'SLOW' })) throw timeout;
        return { status: 200, headers: {}, body: sweeppeaFixture('fetch-single-ticket.json') };
      },
      close: async () => {},
    };
    const results = await createSweeppeaProvider({ http, timezone: 'UTC', maxBatch: 1 }).fetchTickets(['HYXTNJV', 'SLOW'], { apiKey: KEY });
    expect(results[0]).toMatchObject({ number: 'HYXTNJV' });
    expect(results[1]).toBe(timeout);
  });
});
