import { describe, expect, it } from 'vitest';
import { fetchThrough, outcomeOf, stubUpstream, timeoutOf, useProviderHarness } from '../provider-harness.js';
import { KAPTURE, kaptureFixture } from './fixtures.js';

const EXAMPLE_ID = KAPTURE.number;
const KEY = KAPTURE.secret;
const element = (ticketId: string | number, changes: Record<string, unknown> = {}) => {
  const example = kaptureFixture('get-ticket.example.json')[0];
  return { ...example, task_details: { ...example.task_details, ticketId, ...changes } };
};
/** The ids a search call asked for. */
const askedIds = (body: unknown) => String(JSON.parse(String(body)).ticket_ids).split(',');

describe('Kapture fetchTickets over HTTP', () => {
  const { intercept, answer, readCapturing, fetchTickets, errorFor, expectKeyKeptOutOfErrors } =
    useProviderHarness(KAPTURE);
  /** Answers every call with the asked ids that `known` accepts, in reverse order (order is not promised). */
  const searchWith = (known: (id: string) => boolean, calls: string[][]) =>
    intercept()
      .reply((options) => {
        const ids = askedIds(options.body);
        calls.push(ids);
        return {
          statusCode: 200,
          data: JSON.stringify(
            ids
              .filter(known)
              .reverse()
              .map((id) => element(id)),
          ),
        };
      })
      .persist();

  it('sends the documented request: POST, Basic key, a JSON object with the ids comma-joined', async () => {
    const { request, results } = await readCapturing(kaptureFixture('get-ticket.example.json'), [
      EXAMPLE_ID,
      '713516551149',
    ]);
    expect(request).toMatchObject({ headers: { authorization: `Basic ${KEY}`, 'content-type': 'application/json' } });
    expect(JSON.parse(String(request.body))).toEqual({
      ticket_ids: `${EXAMPLE_ID},713516551149`,
      conversation_type: '',
      history_type: '',
      assigned: '',
      disposed: '',
      response: '',
      landing_queue: '',
      create: '',
      resolved: '',
      include_emailbody: '',
    });
    expect(results.map(outcomeOf)).toEqual([EXAMPLE_ID, 'NOT_FOUND']);
    expect(results[0]).toMatchObject({ provider: 'kapture', status: 'OPEN', subject: 'TEST 1' });
  });

  it('reads 45 numbers with maxBatch 20 in exactly 3 calls, absent ids NOT_FOUND in their places', async () => {
    const calls: string[][] = [];
    const numbers = Array.from({ length: 45 }, (_, index) => String(713516551100 + index));
    searchWith((id) => Number(id) % 3 !== 0, calls);
    const results = await fetchTickets(numbers);
    expect(calls.map((ids) => ids.length).sort()).toEqual([20, 20, 5]);
    expect(calls.flat().sort()).toEqual([...numbers].sort());
    expect(results.map(outcomeOf)).toEqual(numbers.map((number) => (Number(number) % 3 !== 0 ? number : 'NOT_FOUND')));
  });

  it('asks for a repeated number once and answers it in every place', async () => {
    const calls: string[][] = [];
    searchWith(() => true, calls);
    const results = await fetchTickets(['11', '12', '11']);
    expect(calls).toEqual([['11', '12']]);
    expect(results.map(outcomeOf)).toEqual(['11', '12', '11']);
  });

  it('refuses an id answered twice, for that id alone, whichever copy comes first', async () => {
    answer(200, [element('11', { title: 'first' }), element('12'), element('11', { title: 'second' })]);
    const results = await fetchTickets(['11', '12']);
    expect(results.map(outcomeOf)).toEqual(['UPSTREAM_INVALID_RESPONSE', '12']);
    expect(results[0]).toMatchObject({ provider: 'kapture', message: 'Kapture CRM answered ticket 11 more than once' });
  });

  it('ignores ids it did not ask for and never serves them under an asked one', async () => {
    answer(200, [element('999'), element('12')]);
    expect((await fetchTickets(['11', '12'])).map(outcomeOf)).toEqual(['NOT_FOUND', '12']);
  });

  it('matches an id answered as a number', async () => {
    answer(200, [element(Number(EXAMPLE_ID))]);
    expect((await fetchTickets([EXAMPLE_ID])).map(outcomeOf)).toEqual([EXAMPLE_ID]);
  });

  it.each([
    ['error-invalid-auth-key.json', { code: 'UNAUTHENTICATED', retryable: false }],
    ['error-invalid-json.json', { code: 'UPSTREAM_ERROR', retryable: false }],
    ['error-ticket-ids-missing.json', { code: 'UPSTREAM_ERROR', retryable: false }],
  ])('maps the documented %s (HTTP 200) to every number of the call', async (file, expected) => {
    const body = kaptureFixture(file);
    answer(200, body);
    const results = await fetchTickets(['1', '2', '3']);
    expect(results[0]).toMatchObject({ ...expected, provider: 'kapture', upstreamStatus: 200 });
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    expect((results[0] as Error).message).not.toContain(body.message);
  });

  it.each([
    [401, 'error-invalid-auth-key.json', { code: 'UNAUTHENTICATED', retryable: false }],
    [403, 'error-invalid-auth-key.json', { code: 'UNAUTHENTICATED', retryable: false }],
    [500, 'error-invalid-auth-key.json', { code: 'UNAUTHENTICATED', retryable: false }],
    [500, 'error-invalid-json.json', { code: 'UPSTREAM_ERROR', retryable: false }],
    [400, 'error-ticket-ids-missing.json', { code: 'UPSTREAM_ERROR', retryable: false }],
  ])('lets the failure the body names decide over HTTP %i: %s', async (status, file, expected) => {
    const body = kaptureFixture(file);
    const error = await errorFor(status, body, { 'retry-after': '12' });
    expect(error).toMatchObject({ ...expected, provider: 'kapture', upstreamStatus: status });
    expect(error.message).not.toContain(body.message);
  });

  it('maps an unknown failure message to a non-retryable UPSTREAM_ERROR that does not repeat it', async () => {
    const error = await errorFor(200, {
      message: 'java.lang.NullPointerException at com.kapture.Secret',
      status: 'failed',
    });
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', retryable: false });
    expect(error.message).not.toMatch(/java|Secret/);
  });

  it.each([
    [401, { code: 'UNAUTHENTICATED' }],
    [403, { code: 'FORBIDDEN' }],
    [429, { code: 'RATE_LIMITED', retryAfter: 12 }],
    [500, { code: 'UPSTREAM_ERROR', retryable: true }],
    [400, { code: 'UPSTREAM_ERROR', retryable: false }],
    // Unknown ids are absent from a 200: a 404 is the endpoint, not the tickets.
    [404, { code: 'UPSTREAM_ERROR', retryable: false }],
  ])('maps HTTP %i to its error', async (status, expected) => {
    const error = await errorFor(status, { message: 'x', status: 'failed' }, { 'retry-after': '12' });
    expect(error).toMatchObject({ ...expected, provider: 'kapture', upstreamStatus: status });
  });

  it.each([
    ['an object instead of a list', { ...element(EXAMPLE_ID), status: 'success' }],
    ['an element without task_details', [{ additional_info: {}, history: {} }]],
    ['a ticket id that is no id', [element('TEST-1')]],
    ['an empty body', ''],
    ['text that is not JSON', '<html>Bad gateway</html>'],
  ])('maps a 200 with %s to UPSTREAM_INVALID_RESPONSE', async (_, body) => {
    expect(await errorFor(200, body)).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'kapture' });
  });

  it('fails only the ticket whose element is invalid', async () => {
    answer(200, [element('1'), element('2', { date: '2024/04/19' }), element('3', { title: 7 })]);
    const results = await fetchTickets(['1', '2', '3', '4']);
    expect(results.map(outcomeOf)).toEqual([
      '1',
      'UPSTREAM_INVALID_RESPONSE',
      'UPSTREAM_INVALID_RESPONSE',
      'NOT_FOUND',
    ]);
  });

  it("fails a chunk's numbers with the error of its call and serves the other chunks", async () => {
    intercept()
      .reply((options) => {
        const ids = askedIds(options.body);
        if (ids.includes('3')) return { statusCode: 503, data: '{"message":"Service Unavailable","status":"failed"}' };
        return { statusCode: 200, data: JSON.stringify(ids.map((id) => element(id))) };
      })
      .times(3);
    const results = await fetchTickets(['1', '2', '3', '4', '5'], 2);
    expect(results.map(outcomeOf)).toEqual(['1', '2', 'UPSTREAM_ERROR', 'UPSTREAM_ERROR', '5']);
    expect(results[2]).toBe(results[3]);
  });

  it('never puts the API key in an error message or its extensions', async () => {
    await expectKeyKeptOutOfErrors([
      [200, kaptureFixture('error-invalid-auth-key.json')],
      [401, {}],
      [429, {}],
      [500, ''],
      [200, {}],
      [200, []],
    ]);
  });
});

describe('Kapture fetchTickets with a failing transport', () => {
  it('gives every number of the chunk the thrown error instead of rejecting', async () => {
    const timeout = timeoutOf('kapture');
    const http = stubUpstream('kapture', () => Promise.reject(timeout));
    expect(await fetchThrough(KAPTURE, http, ['1', '2'])).toEqual([timeout, timeout]);
  });
});
