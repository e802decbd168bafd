import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FormData } from 'undici';
import { describe, expect, it } from 'vitest';
import { GET_TICKET_PATH } from '../../../../src/providers/keliweb/client.js';
import { createKeliwebProvider } from '../../../../src/providers/keliweb/index.js';
import { createUpstreamClient } from '../../../../src/upstream/client.js';
import {
  fetchThrough,
  outcomeOf,
  stubUpstream,
  timeoutOf,
  useProviderHarness,
  type ProviderUnderTest,
} from '../provider-harness.js';
import { keliwebFixture } from './fixtures.js';

const KELIWEB: ProviderUnderTest = {
  name: 'keliweb',
  create: createKeliwebProvider,
  baseUrl: 'https://apiv2.keliweb.it',
  timezone: 'Europe/Rome',
  // Keliweb reads one ticket a call whatever maxBatch says.
  maxBatch: 20,
  route: { path: GET_TICKET_PATH, method: 'POST' },
  secret: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.keliweb-secret-token',
  number: '516757',
};
const KEY = KELIWEB.secret;
const withTicket = (changes: Record<string, unknown>) => ({ ...keliwebFixture('get-ticket.example.json'), ...changes });

describe('Keliweb fetchTickets over HTTP', () => {
  const { intercept, answer, readCapturing, fetchOne, fetchTickets, errorFor, expectKeyKeptOutOfErrors } =
    useProviderHarness(KELIWEB);

  it('sends the documented request: POST, Bearer token, X-Requested-With, a form with ticketnum and repliessort', async () => {
    const { request, results } = await readCapturing(keliwebFixture('get-ticket.example.json'));
    expect(request).toMatchObject({
      headers: { authorization: `Bearer ${KEY}`, 'x-requested-with': 'XMLHttpRequest' },
    });
    // undici writes the content type with the form's boundary; a hand-set one would lack it.
    expect(Object.keys(request.headers as object).map((name) => name.toLowerCase())).not.toContain('content-type');
    expect(request.body).toBeInstanceOf(FormData);
    const form = request.body as FormData;
    expect([...form.entries()]).toEqual([
      ['ticketnum', '516757'],
      ['repliessort', 'ASC'],
    ]);
    const multipart = await new Response(form as unknown as BodyInit).text();
    expect(multipart).toContain('Content-Disposition: form-data; name="ticketnum"\r\n\r\n516757\r\n');
    expect(results[0]).toMatchObject({ provider: 'keliweb', number: '516757', status: 'CLOSED' });
  });

  it('maps the documented "Ticket ID Not Found" (HTTP 200) to NOT_FOUND in the gateway\'s words', async () => {
    const error = await errorFor(200, keliwebFixture('error-ticket-not-found.json'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', provider: 'keliweb', upstreamStatus: 200, retryable: false });
    expect(error.message).toBe('Keliweb has no ticket 516757');
  });

  it('maps any other WHMCS error (HTTP 200) to a non-retryable UPSTREAM_ERROR that does not repeat it', async () => {
    const error = await errorFor(200, { result: 'error', message: 'Database error: SELECT * FROM tbltickets secret' });
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 200, retryable: false });
    expect(error.message).not.toMatch(/Database|secret/);
  });

  it('maps Laravel Passport\'s 401 {"message":"Unauthenticated."} to UNAUTHENTICATED', async () => {
    const error = await errorFor(401, keliwebFixture('error-401.json'));
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'keliweb', upstreamStatus: 401 });
    expect(error.message).not.toContain('Unauthenticated.');
  });

  it.each([
    [403, { message: 'This action is unauthorized.' }, {}, { code: 'FORBIDDEN' }],
    [429, { message: 'Too Many Attempts.' }, { 'retry-after': '30' }, { code: 'RATE_LIMITED', retryAfter: 30 }],
    [
      429,
      { message: 'Too Many Attempts.' },
      { 'retry-after': '9'.repeat(400) },
      { code: 'RATE_LIMITED', retryAfter: 86_400 },
    ],
    [500, { result: 'error', message: 'Internal Server Error' }, {}, { code: 'UPSTREAM_ERROR', retryable: true }],
    [503, { message: 'Service Unavailable' }, {}, { code: 'UPSTREAM_ERROR', retryable: true }],
    [422, { message: 'The given data was invalid.' }, {}, { code: 'UPSTREAM_ERROR', retryable: false }],
    // Laravel's "route not found": a wrong base URL, not a missing ticket.
    [
      404,
      { message: 'The route api/v2/keliweb/get-ticket could not be found.' },
      {},
      { code: 'UPSTREAM_ERROR', retryable: false },
    ],
  ])('maps HTTP %i to its error', async (status, body, headers, expected) => {
    expect(await errorFor(status, body, headers)).toMatchObject({
      ...expected,
      provider: 'keliweb',
      upstreamStatus: status,
    });
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
    expect(await errorFor(200, body)).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'keliweb' });
  });

  it('accepts another case of the same ticket mask', async () => {
    answer(200, withTicket({ tid: 'ABC-123456' }));
    expect(await fetchOne('abc-123456')).toMatchObject({ number: 'ABC-123456' });
  });

  it('never puts the access token in an error message or its extensions', async () => {
    await expectKeyKeptOutOfErrors([
      [401, keliwebFixture('error-401.json')],
      [200, keliwebFixture('error-ticket-not-found.json')],
      [429, {}],
      [500, ''],
      [200, { result: 'success' }],
    ]);
  });

  it('answers in order, one call a number, a failure in its own place', async () => {
    const seen: string[] = [];
    intercept()
      .reply((options) => {
        const number = String((options.body as FormData).get('ticketnum'));
        seen.push(number);
        const body = number === '2' ? keliwebFixture('error-ticket-not-found.json') : withTicket({ tid: number });
        return { statusCode: 200, data: JSON.stringify(body) };
      })
      .times(3);
    expect((await fetchTickets(['1', '2', '3'])).map(outcomeOf)).toEqual(['1', 'NOT_FOUND', '3']);
    expect(seen.sort()).toEqual(['1', '2', '3']);
  });
});

describe('Keliweb fetchTickets with a failing transport', () => {
  it("returns the client's thrown error as that number's entry instead of rejecting", async () => {
    const timeout = timeoutOf('keliweb');
    const http = stubUpstream('keliweb', async ({ body }) => {
      const number = String((body as FormData).get('ticketnum'));
      if (number === '2') throw timeout;
      return { status: 200, headers: {}, body: withTicket({ tid: number }) };
    });
    const results = await fetchThrough(KELIWEB, http, ['516757', '2']);
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
    const http = createUpstreamClient({
      provider: 'keliweb',
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 5_000,
      maxConcurrency: 1,
    });
    try {
      const [ticket] = await createKeliwebProvider({ http, timezone: 'Europe/Rome', maxBatch: 1 }).fetchTickets(
        ['516757'],
        { secret: KEY },
      );
      expect(ticket).toMatchObject({ number: '516757' });
      expect(received?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      const form = await new Response(received?.body, {
        headers: { 'content-type': received!.headers['content-type']! },
      }).formData();
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
