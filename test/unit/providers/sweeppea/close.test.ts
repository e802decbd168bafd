import { describe, expect, it } from 'vitest';
import { TicketGraphError } from '../../../../src/domain/errors.js';
import type { Ticket } from '../../../../src/domain/model.js';
import { toTicket } from '../../../../src/providers/sweeppea/mapper.js';
import { createSweeppeaProvider } from '../../../../src/providers/sweeppea/index.js';
import { createMockUpstream, recording, useMockAgent } from '../mock-upstream.js';
import { sweeppeaFixture } from './fixtures.js';

const BASE = 'https://api-v3.sweeppea.com';
const KEY = 'sk_live_9f8e7d6c5b4a';
const CASE = '2650478';

/** The seed's single-ticket answer for case 2650478, with `changes` to its `Data`. */
const singleTicket = (changes: Record<string, unknown> = {}) => {
  const seed = sweeppeaFixture('fetch-single-ticket.json');
  return { ...seed, Data: { ...seed.Data, CaseNumber: CASE, ...changes } };
};
/** The ticket as the request read it before closing: open unless `changes` say otherwise. */
const currentTicket = (changes: Record<string, unknown> = {}): Ticket =>
  toTicket(singleTicket(changes), { fetchedAt: '2025-02-03T16:40:00.000Z' });
const CLOSED = { Status: true, CloseDate: '2025-02-03T16:42:10.000Z', ClosedBy: 'John Doe' };

describe('Sweeppea closeTicket over HTTP', () => {
  const agent = useMockAgent();
  const upstream = () => recording(createMockUpstream('sweeppea', BASE, agent()));
  const onResolve = () => agent().get(BASE).intercept({ path: '/tickets/resolve', method: 'POST' });
  const onRead = () => agent().get(BASE).intercept({ path: '/tickets/fetchSingleTicket', method: 'POST' });
  const close = (http = upstream().http, current = currentTicket()): Promise<Ticket> =>
    createSweeppeaProvider({ http, timezone: 'UTC', maxBatch: 1 }).closeTicket!(current, { secret: KEY });
  const failure = async (status: number, body: unknown): Promise<TicketGraphError> => {
    onResolve().reply(status, typeof body === 'string' ? body : JSON.stringify(body));
    const error = await close().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TicketGraphError);
    return error as TicketGraphError;
  };

  it('sends POST /tickets/resolve {CaseId} with the Bearer key as a write, then reads the ticket back as a read', async () => {
    let sent: { headers?: unknown; body?: unknown } = {};
    onResolve().reply((options) => {
      sent = options;
      return { statusCode: 200, data: JSON.stringify(sweeppeaFixture('resolve-ticket.json')) };
    });
    onRead().reply(200, JSON.stringify(singleTicket(CLOSED)));
    const { http, sent: requests } = upstream();
    const ticket = await close(http);
    expect(sent.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'content-type': 'application/json' });
    expect(JSON.parse(String(sent.body))).toEqual({ CaseId: '2650478' });
    expect(requests.map((request) => [request.path, request.write])).toEqual([
      ['/tickets/resolve', true],
      ['/tickets/fetchSingleTicket', undefined],
    ]);
    expect(JSON.parse(String(requests[1]!.body))).toEqual({ caseNumber: '2650478' });
    expect(ticket).toMatchObject({
      provider: 'sweeppea',
      number: '2650478',
      status: 'CLOSED',
      statusText: 'Closed',
      closedAt: '2025-02-03T16:42:10Z',
      subject: 'Issue with sweepstakes configuration',
      notes: [{ body: 'Investigating the issue...' }],
    });
  });

  it('sends nothing for a ticket the request read closed, and answers TICKET_CLOSED', async () => {
    const { http, sent } = upstream();
    await expect(close(http, currentTicket(CLOSED))).rejects.toMatchObject({
      code: 'TICKET_CLOSED',
      provider: 'sweeppea',
      retryable: false,
      message: 'Sweeppea ticket 2650478 is closed already',
    });
    expect(sent).toEqual([]);
  });

  it("answers from the close's own fields when the read-back fails: the ticket is closed all the same", async () => {
    onResolve().reply(200, JSON.stringify(sweeppeaFixture('resolve-ticket.json')));
    onRead().reply(503, '');
    const ticket = await close();
    expect(ticket).toMatchObject({
      number: '2650478',
      subject: 'Issue with sweepstakes entry',
      status: 'CLOSED',
      closedAt: '2025-02-03T16:42:10Z',
      body: null,
      notes: [],
    });
    expect(ticket.raw).toEqual(sweeppeaFixture('resolve-ticket.json'));
  });

  it("answers from the close's own fields when the read-back is another ticket", async () => {
    onResolve().reply(200, JSON.stringify(sweeppeaFixture('resolve-ticket.json')));
    onRead().reply(200, JSON.stringify(singleTicket({ CaseNumber: 'OTHER1' })));
    expect(await close()).toMatchObject({ number: '2650478', subject: 'Issue with sweepstakes entry' });
  });

  it('answers UPSTREAM_INVALID_RESPONSE when the close and its read-back are both another ticket', async () => {
    const answer = sweeppeaFixture('resolve-ticket.json');
    onResolve().reply(200, JSON.stringify({ ...answer, Data: { ...answer.Data, CaseNumber: 'OTHER1' } }));
    onRead().reply(200, JSON.stringify(singleTicket({ CaseNumber: 'OTHER1' })));
    await expect(close()).rejects.toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'sweeppea' });
  });

  describe('the 404 "Ticket Not Found or Already Closed", for a ticket the request read open', () => {
    const refused = () => onResolve().reply(404, JSON.stringify(sweeppeaFixture('resolve-error-404.json')));

    it('reads the ticket once more, and answers TICKET_CLOSED when it was closed meanwhile', async () => {
      refused();
      onRead().reply(200, JSON.stringify(singleTicket(CLOSED)));
      const { http, sent } = upstream();
      await expect(close(http)).rejects.toMatchObject({
        code: 'TICKET_CLOSED',
        upstreamStatus: 404,
        message: 'Sweeppea ticket 2650478 is closed already',
      });
      expect(sent.map((request) => [request.path, request.write])).toEqual([
        ['/tickets/resolve', true],
        ['/tickets/fetchSingleTicket', undefined],
      ]);
    });

    it('answers NOT_FOUND when that read finds no ticket either', async () => {
      refused();
      onRead().reply(404, JSON.stringify(sweeppeaFixture('error-404.json')));
      await expect(close()).rejects.toMatchObject({
        code: 'NOT_FOUND',
        upstreamStatus: 404,
        message: 'Sweeppea has no ticket 2650478',
      });
    });

    it('answers UPSTREAM_ERROR, not retryable, when the ticket still reads open', async () => {
      refused();
      onRead().reply(200, JSON.stringify(singleTicket()));
      await expect(close()).rejects.toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        upstreamStatus: 404,
        message:
          'Sweeppea refused to close ticket 2650478 as missing or closed, though it reads open; nothing was changed',
      });
    });

    it('answers NOT_FOUND naming both when that read fails', async () => {
      refused();
      onRead().reply(500, JSON.stringify(sweeppeaFixture('error-500.json')));
      await expect(close()).rejects.toMatchObject({
        code: 'NOT_FOUND',
        upstreamStatus: 404,
        message: 'Sweeppea has no open ticket 2650478 to close: it is missing or closed already',
      });
    });

    it('takes the same answer sent with HTTP 200 and Code 404 the same way', async () => {
      onResolve().reply(200, JSON.stringify(sweeppeaFixture('resolve-error-404.json')));
      onRead().reply(200, JSON.stringify(singleTicket(CLOSED)));
      await expect(close()).rejects.toMatchObject({ code: 'TICKET_CLOSED', upstreamStatus: 200 });
    });
  });

  it.each([
    ['resolve-error-400.json', 400, 'BAD_USER_INPUT', false],
    ['error-401.json', 401, 'UNAUTHENTICATED', false],
    ['error-403.json', 403, 'UNAUTHENTICATED', false],
    ['update-error-403.json', 403, 'FORBIDDEN', false],
    ['error-500.json', 500, 'UPSTREAM_ERROR', false],
  ])(
    'maps the documented %s (HTTP %i) to %s, retryable %s, in its own words',
    async (file, status, code, retryable) => {
      const body = sweeppeaFixture(file);
      const error = await failure(status, body);
      expect(error).toMatchObject({ code, retryable, provider: 'sweeppea', upstreamStatus: status });
      expect(error.message).not.toContain(body.Message);
      expect(`${error.message} ${JSON.stringify(error.extensions)}`).not.toContain(KEY);
    },
  );

  it('names the number as the field a 400 "CaseId is required" is about', async () => {
    expect(await failure(400, sweeppeaFixture('resolve-error-400.json'))).toMatchObject({ field: 'number' });
  });

  it('calls a 500 not retryable, saying the close may have been made', async () => {
    expect(await failure(500, sweeppeaFixture('error-500.json'))).toMatchObject({
      message: 'Sweeppea failed while closing ticket 2650478; the change may or may not have been made',
    });
  });

  it('reads a refusal sent with HTTP 200 whose message it does not know as a close not made, never one that may have been', async () => {
    expect(await failure(200, sweeppeaFixture('update-refused-unlisted.json'))).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      upstreamStatus: 200,
      message:
        'Sweeppea refused the close of ticket 2650478 for a reason the gateway does not know; nothing was changed',
    });
  });

  it("calls a 503 in Sweeppea's own error document (endpoint busy) retryable, and a proxy's empty 503 not", async () => {
    const busy = { Response: false, Message: 'Service Unavailable: endpoint busy', Code: 503 };
    expect(await failure(503, busy)).toMatchObject({ code: 'UPSTREAM_ERROR', retryable: true });
    expect(await failure(503, '')).toMatchObject({ code: 'UPSTREAM_ERROR', retryable: false });
  });

  it('answers UPSTREAM_INVALID_RESPONSE, saying the close may have been made, for a success of the wrong shape', async () => {
    expect(await failure(200, { Response: true, Message: 'Ticket Resolved Successfully' })).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      message: expect.stringContaining('which may have been made'),
    });
  });
});
