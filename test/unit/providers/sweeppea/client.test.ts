import { describe, expect, it } from 'vitest';
import { createSweeppeaProvider } from '../../../../src/providers/sweeppea/index.js';
import {
  fetchThrough,
  outcomeOf,
  stubUpstream,
  timeoutOf,
  useProviderHarness,
  type ProviderUnderTest,
} from '../provider-harness.js';
import { sweeppeaFixture } from './fixtures.js';

const SWEEPPEA: ProviderUnderTest = {
  name: 'sweeppea',
  create: createSweeppeaProvider,
  baseUrl: 'https://api-v3.sweeppea.com',
  timezone: 'UTC',
  maxBatch: 1,
  route: { path: '/tickets/fetchSingleTicket', method: 'POST' },
  secret: 'sk_live_9f8e7d6c5b4a',
  number: 'HYXTNJV',
};
const KEY = SWEEPPEA.secret;
/** Matches only the call that asks for `caseNumber`. */
const forCase = (caseNumber: string) => ({ body: JSON.stringify({ caseNumber }) });
const withCaseNumber = (CaseNumber: string) => ({
  Response: true,
  Data: { ...sweeppeaFixture('fetch-single-ticket.json').Data, CaseNumber },
});

describe('Sweeppea fetchTickets over HTTP', () => {
  const { answer, readCapturing, fetchTickets, fetchOne, errorFor, expectKeyKeptOutOfErrors, itMapsDocumentedErrors } =
    useProviderHarness(SWEEPPEA);

  it('sends the documented request: POST, Bearer key, JSON content type, {caseNumber}', async () => {
    const { request, results } = await readCapturing(sweeppeaFixture('fetch-single-ticket.json'));
    expect(request).toMatchObject({
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: '{"caseNumber":"HYXTNJV"}',
    });
    expect(results[0]).toMatchObject({ provider: 'sweeppea', number: 'HYXTNJV', status: 'OPEN' });
  });

  itMapsDocumentedErrors(
    [
      ['error-400.json', 400, 'UPSTREAM_ERROR', false],
      ['error-401.json', 401, 'UNAUTHENTICATED', false],
      // A wrong key gets 403 "Invalid API Token": for our users that is a bad credential.
      ['error-403.json', 403, 'UNAUTHENTICATED', false],
      ['error-404.json', 404, 'NOT_FOUND', false],
      ['error-500.json', 500, 'UPSTREAM_ERROR', true],
    ],
    sweeppeaFixture,
    'Message',
  );

  it('says which ticket is missing', async () => {
    expect((await errorFor(404, sweeppeaFixture('error-404.json'))).message).toBe('Sweeppea has no ticket HYXTNJV');
  });

  it('refuses an answer for another ticket than the one asked for', async () => {
    answer(200, withCaseNumber('OTHER1'));
    expect(await fetchOne('WRONG')).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'sweeppea' });
  });

  it('refuses an answer whose case number differs only in case: Sweeppea keeps case', async () => {
    answer(200, withCaseNumber('hyxtnjv'));
    expect(await fetchOne('HYXTNJV')).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE' });
  });

  it.each([
    ['plan limit exceeded', 'Plan limit exceeded'],
    ['no permission', 'You do not have permission to update this ticket'],
  ])('maps a 403 for %s to FORBIDDEN, not UNAUTHENTICATED', async (_, message) => {
    expect(await errorFor(403, { Response: false, Message: message, Code: 403 })).toMatchObject({
      code: 'FORBIDDEN',
      upstreamStatus: 403,
    });
  });

  it('maps 503 (endpoint busy) to a retryable UPSTREAM_ERROR', async () => {
    expect(await errorFor(503, '')).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 503, retryable: true });
  });

  it('passes on the wait a 503 asks for', async () => {
    expect(await errorFor(503, '', { 'retry-after': '4' })).toMatchObject({ code: 'UPSTREAM_ERROR', retryAfter: 4 });
  });

  it('maps 429 to RATE_LIMITED with the Retry-After seconds', async () => {
    const error = await errorFor(
      429,
      { Response: false, Message: 'Too Many Requests', Code: 429 },
      { 'retry-after': '7' },
    );
    expect(error).toMatchObject({ code: 'RATE_LIMITED', upstreamStatus: 429, retryAfter: 7, retryable: true });
  });

  it('reads Response: false in an HTTP 200 by its Code', async () => {
    const error = await errorFor(200, { Response: false, Message: 'Ticket Not Found or Access Denied', Code: 404 });
    expect(error).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 200 });
  });

  it('trusts the HTTP status over a disagreeing Code', async () => {
    const error = await errorFor(404, { Response: false, Message: 'Internal Server Error', Code: 500 });
    expect(error).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 404 });
  });

  it.each([
    ['error-400.json', 'UPSTREAM_ERROR', 'Sweeppea failed to read ticket HYXTNJV'],
    ['error-401.json', 'UNAUTHENTICATED', 'Sweeppea rejected the API key'],
    ['error-403.json', 'UNAUTHENTICATED', 'Sweeppea rejected the API key'],
    ['error-404.json', 'NOT_FOUND', 'Sweeppea has no ticket HYXTNJV'],
  ])('reads %s sent with HTTP 200 and no Code by the failure its message names', async (file, code, message) => {
    const { Code: _, ...body } = sweeppeaFixture(file);
    const error = await errorFor(200, body);
    expect({ code: error.code, message: error.message, upstreamStatus: error.upstreamStatus }).toEqual({
      code,
      message,
      upstreamStatus: 200,
    });
  });

  it('maps Response: false in an HTTP 200 without a Code to a final UPSTREAM_ERROR', async () => {
    const error = await errorFor(200, { Response: false, Message: 'Something odd' });
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 200, retryable: false });
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
    expect(await errorFor(200, body)).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'sweeppea' });
  });

  it('never puts the API key in an error message or its extensions', async () => {
    const [unauthorized, forbidden] = [sweeppeaFixture('error-401.json'), sweeppeaFixture('error-403.json')];
    await expectKeyKeptOutOfErrors([
      [401, unauthorized],
      [403, forbidden],
      [429, {}],
      [503, ''],
      [200, { Response: true }],
    ]);
  });

  it('answers in order, one entry a number, a failure in its own place', async () => {
    answer(200, withCaseNumber('A1'), {}, forCase('A1'));
    answer(404, sweeppeaFixture('error-404.json'), {}, forCase('B2'));
    answer(200, withCaseNumber('C3'), {}, forCase('C3'));
    expect((await fetchTickets(['A1', 'B2', 'C3'])).map(outcomeOf)).toEqual(['A1', 'NOT_FOUND', 'C3']);
  });
});

describe('Sweeppea fetchTickets with a failing transport', () => {
  it("returns the client's thrown error as that number's entry instead of rejecting", async () => {
    const timeout = timeoutOf('sweeppea');
    const http = stubUpstream('sweeppea', async ({ body }) => {
      if (body === JSON.stringify({ caseNumber: 'SLOW' })) throw timeout;
      return { status: 200, headers: {}, body: sweeppeaFixture('fetch-single-ticket.json') };
    });
    const results = await fetchThrough(SWEEPPEA, http, ['HYXTNJV', 'SLOW']);
    expect(results[0]).toMatchObject({ number: 'HYXTNJV' });
    expect(results[1]).toBe(timeout);
  });
});
