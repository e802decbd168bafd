import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent, FormData } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TicketGraphError, UpstreamTimeoutError } from '../../../../src/errors.js';
import type { Ticket } from '../../../../src/model.js';
import { GET_TICKET_PATH } from '../../../../src/providers/keliweb/client.js';
import { createKeliwebProvider } from '../../../../src/providers/keliweb/index.js';
import { createUpstreamClient } from '../../../../src/upstream/client.js';
import type { UpstreamClient } from '../../../../src/upstream/types.js';
import { createMockUpstream } from '../mock-upstream.js';
import { keliwebFixture } from './fixtures.js';

const BASE = 'https://apiv2.keliweb.it';
const KEY = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.keliweb-secret-token';
const withTicket = (changes: Record<string, unknown>) => ({ ...keliwebFixture('get-ticket.example.json'), ...changes });
const codeOf = (result: Ticket | Error | undefined) => (result instanceof TicketGraphError ? result.code : result);

describe('Keliweb fetchTickets over HTTP', () => {
  let agent: MockAgent;
  const provider = () => createKeliwebProvider({ http: createMockUpstream('keliweb', BASE, agent), timezone: 'Europe/Rome', maxBatch: 20 });
  const answer = (statusCode: number, data: unknown, headers: Record<string, string> = {}) =>
    agent
      .get(BASE)
      .intercept({ path: GET_TICKET_PATH, method: 'POST' })
      .reply(statusCode, typeof data === 'string' ? data : JSON.stringify(data), { headers });
  const fetchOne = async (number = '516757'): Promise<Ticket | Error> => (await provider().fetchTickets([number], { apiKey: KEY }))[0]!;
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

  it('sends the documented request: POST, Bearer token, X-Requested-With, a form with ticketnum and repliessort', async () => {
    let seen: { method: string; path: string; headers?: unknown; body?: unknown } | undefined;
    agent
      .get(BASE)
      .intercept({ path: GET_TICKET_PATH, method: 'POST' })
      .reply((options) => {
        seen = options;
        return { statusCode: 200, data: JSON.stringify(keliwebFixture('get-ticket.example.json')) };
      });
    const ticket = await fetchOne();
    expect(seen).toMatchObject({
      method: 'POST',
      path: GET_TICKET_PATH,
      headers: { authorization: `Bearer ${KEY}`, 'x-requested-with': 'XMLHttpRequest' },
    });
    // undici writes the content type with the form's boundary; a hand-set one would lack it.
    expect(Object.keys(seen?.headers as object).map((name) => name.toLowerCase())).not.toContain('content-type');
    expect(seen?.body).toBeInstanceOf(FormData);
    const form = seen?.body as FormData;
    expect([...form.entries()]).toEqual([
      ['ticketnum', '516757'],
      ['repliessort', 'ASC'],
    ]);
    const multipart = await new Response(form as unknown as BodyInit).text();
    expect(multipart).toContain('Content-Disposition: form-data; name="ticketnum"\r\n\r\n516757\r\n');
    expect(ticket).toMatchObject({ provider: 'keliweb', number: '516757', status: 'CLOSED' });
  });

  it('maps the documented "Ticket ID Not Found" (HTTP 200) to NOT_FOUND in the gateway\'s words', async () => {
    answer(200, keliwebFixture('error-ticket-not-found.json'));
    const error = await fetchError();
    expect(error).toMatchObject({ code: 'NOT_FOUND', provider: 'keliweb', upstreamStatus: 200, retryable: false });
    expect(error.message).toBe('Keliweb has no ticket 516757');
  });

  it('maps any other WHMCS error (HTTP 200) to a non-retryable UPSTREAM_ERROR that does not repeat it', async () => {
    answer(200, { result: 'error', message: 'Database error: SELECT * FROM tbltickets secret' });
    const error = await fetchError();
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 200, retryable: false });
    expect(error.message).not.toMatch(/Database|secret/);
  });

  it('maps Laravel Passport\'s 401 {"message":"Unauthenticated."} to UNAUTHENTICATED', async () => {
    answer(401, keliwebFixture('error-401.json'));
    const error = await fetchError();
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'keliweb', upstreamStatus: 401 });
    expect(error.message).not.toContain('Unauthenticated.');
  });

  it.each([
    [403, { message: 'This action is unauthorized.' }, {}, { code: 'FORBIDDEN' }],
    [429, { message: 'Too Many Attempts.' }, { 'retry-after': '30' }, { code: 'RATE_LIMITED', retryAfter: 30 }],
    [500, { result: 'error', message: 'Internal Server Error' }, {}, { code: 'UPSTREAM_ERROR', retryable: true }],
    [503, { message: 'Service Unavailable' }, {}, { code: 'UPSTREAM_ERROR', retryable: true }],
    [422, { message: 'The given data was invalid.' }, {}, { code: 'UPSTREAM_ERROR', retryable: false }],
    // Laravel's "route not found": a wrong base URL, not a missing ticket.
    [404, { message: 'The route api/v2/keliweb/get-ticket could not be found.' }, {}, { code: 'UPSTREAM_ERROR', retryable: false }],
  ])('maps HTTP %i to its error', async (status, body, headers, expected) => {
    answer(status, body, headers);
    expect(await fetchError()).toMatchObject({ ...expected, provider: 'keliweb', upstreamStatus: status });
  });

  it.each([
    ['no tid or ticketnum', withTicket({ tid: '' })],
    ['another ticket than the one asked for', withTicket({ tid: '999999' })],
    ['a date in another format', withTicket({ date: '01/01/2016 06:26' })],
    ['a reply date that is no date', withTicket({ replies: { reply: [{ replyid: '0', date: 'ieri' }] } })],
    ['replies of the wrong shape', withTicket({ replies: 'none' })],
    ['a status of the wrong type', withTicket({ status: { word: 'Open' } })],
    ['no result', withTicket({ result: undefined })],
    ['an empty body', ''],
    ['text that is not JSON', '<html>Bad gateway</html>'],
  ])('maps a 200 with %s to UPSTREAM_INVALID_RESPONSE', async (_, body) => {
    answer(200, body);
    expect(await fetchError()).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'keliweb' });
  });

  it('accepts another case of the same ticket mask', async () => {
    answer(200, withTicket({ tid: 'ABC-123456' }));
    expect(await fetchOne('abc-123456')).toMatchObject({ number: 'ABC-123456' });
  });

  it('never puts the access token in an error message or its extensions', async () => {
    const bodies = [[401, keliwebFixture('error-401.json')], [200, keliwebFixture('error-ticket-not-found.json')], [429, {}], [500, ''], [200, { result: 'success' }]] as const;
    for (const [status, body] of bodies) {
      answer(status, body);
      const error = await fetchError();
      expect(error.message).not.toContain(KEY);
      expect(JSON.stringify(error.extensions)).not.toContain(KEY);
    }
  });

  it('answers in order, one call a number, a failure in its own place', async () => {
    const seen: string[] = [];
    agent
      .get(BASE)
      .intercept({ path: GET_TICKET_PATH, method: 'POST' })
      .reply((options) => {
        const number = String((options.body as FormData).get('ticketnum'));
        seen.push(number);
        const body = number === '2' ? keliwebFixture('error-ticket-not-found.json') : withTicket({ tid: number });
        return { statusCode: 200, data: JSON.stringify(body) };
      })
      .times(3);
    const results = await provider().fetchTickets(['1', '2', '3'], { apiKey: KEY });
    expect(results.map((result) => (result instanceof Error ? codeOf(result) : result.number))).toEqual(['1', 'NOT_FOUND', '3']);
    expect(seen.sort()).toEqual(['1', '2', '3']);
  });
});

describe('Keliweb fetchTickets with a failing transport', () => {
  it('returns the client\'s thrown error as that number\'s entry instead of rejecting', async () => {
    const timeout = new UpstreamTimeoutError('keliweb did not answer within 10000 ms', { provider: 'keliweb' });
    const http: UpstreamClient = {
      provider: 'keliweb',
      request: async ({ body }) => {
        const number = String((body as FormData).get('ticketnum'));
        if (number === '2') throw timeout;
        return { status: 200, headers: {}, body: withTicket({ tid: number }) };
      },
      close: async () => {},
    };
    const results = await createKeliwebProvider({ http, timezone: 'Europe/Rome', maxBatch: 1 }).fetchTickets(['516757', '2'], { apiKey: KEY });
    expect(results[0]).toMatchObject({ number: '516757' });
    expect(results[1]).toBe(timeout);
  });
});

describe('Keliweb on the wire', () => {
  it('sends a multipart/form-data body with its boundary through the real upstream client', async () => {
    let received: { headers: IncomingHttpHeaders; body: string } | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(keliwebFixture('get-ticket.example.json')));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const http = createUpstreamClient({ provider: 'keliweb', baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 5_000, maxConcurrency: 1 });
    try {
      const [ticket] = await createKeliwebProvider({ http, timezone: 'Europe/Rome', maxBatch: 1 }).fetchTickets(['516757'], { apiKey: KEY });
      expect(ticket).toMatchObject({ number: '516757' });
      expect(received?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      const form = await new Response(received?.body, { headers: { 'content-type': received!.headers['content-type']! } }).formData();
      expect([...form.entries()]).toEqual([
        ['ticketnum', '516757'],
        ['repliessort', 'ASC'],
      ]);
    } finally {
      await http.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
