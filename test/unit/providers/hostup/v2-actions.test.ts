import { beforeEach, describe, expect, it } from 'vitest';
import { TicketGraphError, UpstreamTimeoutError } from '../../../../src/domain/errors.js';
import type { Ticket } from '../../../../src/domain/model.js';
import { createHostupProvider } from '../../../../src/providers/hostup/index.js';
import { toTicketV2 } from '../../../../src/providers/hostup/v2/mapper.js';
import { hostupV2TicketShape } from '../../../../src/providers/hostup/v2/payload.js';
import type { Provider } from '../../../../src/providers/provider.js';
import type { CallTrace, UpstreamClient, UpstreamRequest } from '../../../../src/upstream/types.js';
import { checked } from '../checked.js';
import { createMockUpstream, useMockAgent } from '../mock-upstream.js';
import { stubUpstream } from '../provider-harness.js';
import { hostupFixture } from './fixtures.js';

const BASE = 'https://cloud.hostup.se';
const TOKEN = 'hu_v2_7f6e5d4c3b2a';
const TICKET = '/api/v2/support/tickets/tkt_01jnkq3m8v4x7c2d9e6f0g1h2j';
const PROBLEM = { headers: { 'content-type': 'application/problem+json' } };
const REPLY = 'Tyvärr samma problem fortfarande.';

/** The documented ticket as the request's loader read it just before the action: answered, open. */
const CURRENT: Ticket = toTicketV2(checked(hostupV2TicketShape, hostupFixture('v2-get-ticket.json')), {
  fetchedAt: '2025-04-01T13:00:00.000Z',
});
const CLOSED: Ticket = { ...CURRENT, status: 'CLOSED', statusText: 'closed' };
const detail = (changes: Record<string, unknown> = {}) =>
  JSON.stringify({ ...hostupFixture('v2-get-ticket.json'), ...changes });
/** The ticket with the posted message as HostUp shows it after the reply. */
const replied = () => {
  const ticket = hostupFixture('v2-get-ticket.json');
  return detail({
    status: 'customer_reply',
    messages: [...ticket.messages, hostupFixture('v2-post-message.json')],
    messageCount: 4,
    lastMessageAt: '2025-04-01T13:02:47Z',
  });
};

describe('HostUp v2 actions over HTTP', () => {
  const agent = useMockAgent();
  let sent: UpstreamRequest[] = [];
  beforeEach(() => {
    sent = [];
  });
  const http = (): UpstreamClient => {
    const inner = createMockUpstream('hostup', BASE, agent());
    return {
      ...inner,
      request: (request) => {
        sent.push(request);
        return inner.request(request);
      },
    };
  };
  const provider = (): Provider =>
    createHostupProvider({ http: http(), timezone: 'Europe/Stockholm', maxBatch: 1, api: 'v2' });
  const on = (method: 'GET' | 'POST', path: string) => agent().get(BASE).intercept({ method, path });
  const reply = (current: Ticket = CURRENT) => provider().replyToTicket!(current, REPLY, { secret: TOKEN });
  const close = (current: Ticket = CURRENT) => provider().closeTicket!(current, { secret: TOKEN });
  const reopen = (current: Ticket = CLOSED) => provider().reopenTicket!(current, { secret: TOKEN });
  const failure = async (action: Promise<Ticket>): Promise<TicketGraphError> => {
    const error = await action.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TicketGraphError);
    return error as TicketGraphError;
  };
  const calls = () => sent.map((request) => `${request.method} ${request.path}${request.write ? ' (write)' : ''}`);

  describe('what a write is trusted with', () => {
    it('never calls a write answered 5xx retryable, whatever code the problem names', async () => {
      const problem = { ...hostupFixture('v2-error-429.json'), status: 503 };
      on('POST', `${TICKET}/messages`).reply(503, JSON.stringify(problem), PROBLEM);
      expect(await failure(reply())).toMatchObject({ code: 'UPSTREAM_ERROR', retryable: false, upstreamStatus: 503 });
    });

    it('sends a write to the ticket number when the public id read is not one HostUp writes', async () => {
      on('POST', '/api/v2/support/tickets/616828/messages').reply(201, hostupFixture('v2-post-message.json'));
      on('GET', '/api/v2/support/tickets/616828').reply(200, replied());
      const raw = { ...(CURRENT.raw as object), id: '../616829' };
      await reply({ ...CURRENT, raw });
      expect(calls()[0]).toBe('POST /api/v2/support/tickets/616828/messages (write)');
    });
  });

  describe('replyToTicket', () => {
    it('posts {message, encrypted: false} with the Bearer token to the public id, then reads it back', async () => {
      let request: { headers?: unknown; body?: unknown } = {};
      on('POST', `${TICKET}/messages`).reply((options) => {
        request = options;
        return { statusCode: 201, data: JSON.stringify(hostupFixture('v2-post-message.json')) };
      });
      on('GET', TICKET).reply(200, replied());
      const ticket = await reply();
      expect(request.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
      expect(JSON.parse(String(request.body))).toEqual({ message: REPLY, encrypted: false });
      expect(calls()).toEqual([`POST ${TICKET}/messages (write)`, `GET ${TICKET}`]);
      expect(ticket).toMatchObject({ number: '616828', status: 'OPEN', statusText: 'customer_reply' });
      expect(ticket.replies.at(-1)).toMatchObject({ id: 'tmsg_01jqm7r4s6t8v0w2x4y6z8a0b2', body: REPLY });
    });

    it('uses the number where the ticket has no public id', async () => {
      const current = { ...CURRENT, raw: { number: '616828' } };
      on('POST', '/api/v2/support/tickets/616828/messages').reply(201, hostupFixture('v2-post-message.json'));
      on('GET', '/api/v2/support/tickets/616828').reply(200, replied());
      expect(await reply(current)).toMatchObject({ number: '616828' });
    });

    it('refuses a reply to a ticket it read as closed, sending nothing', async () => {
      const error = await failure(reply(CLOSED));
      expect(error).toMatchObject({ code: 'TICKET_CLOSED', provider: 'hostup' });
      expect(calls()).toEqual([]);
    });

    it.each([
      ['v2-error-409.json', 409, 'TICKET_CLOSED', false],
      ['v2-error-400.json', 400, 'BAD_USER_INPUT', false],
      ['v2-error-401.json', 401, 'UNAUTHENTICATED', false],
      ['v2-error-403.json', 403, 'FORBIDDEN', false],
      ['v2-error-404.json', 404, 'NOT_FOUND', false],
      ['v2-error-429.json', 429, 'RATE_LIMITED', true],
    ])('maps the documented %s (HTTP %i) on a reply to %s, in its own words', async (file, status, code, retryable) => {
      const body = hostupFixture(file);
      on('POST', `${TICKET}/messages`).reply(status, JSON.stringify(body), PROBLEM);
      const error = await failure(reply());
      expect(error).toMatchObject({ code, retryable, provider: 'hostup', upstreamStatus: status });
      expect(error.message).not.toContain(body.detail);
      expect(calls()).toHaveLength(1);
    });

    it('names the body as the field HostUp refused', async () => {
      on('POST', `${TICKET}/messages`).reply(400, JSON.stringify(hostupFixture('v2-error-400.json')), PROBLEM);
      expect(await failure(reply())).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    });

    it('says the write scope is needed when HostUp refuses the token', async () => {
      on('POST', `${TICKET}/messages`).reply(403, JSON.stringify(hostupFixture('v2-error-403.json')), PROBLEM);
      expect((await failure(reply())).message).toBe(
        'HostUp does not let this token add a reply to ticket 616828 (writes need the write:support scope)',
      );
    });

    it.each([
      [500, JSON.stringify({ ...hostupFixture('v2-error-404.json'), code: 'internal_error', status: 500 })],
      [502, '<html>Bad gateway</html>'],
      [201, JSON.stringify({ ...hostupFixture('v2-error-404.json'), code: 'internal_error' })],
    ])('calls a failure after sending (HTTP %i) not retryable: the reply may have been added', async (status, body) => {
      on('POST', `${TICKET}/messages`).reply(status, body);
      expect(await failure(reply())).toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        message: 'HostUp failed while trying to add a reply to ticket 616828; the change may have been made',
      });
      expect(calls()).toEqual([`POST ${TICKET}/messages (write)`]);
    });

    it('answers the ticket as read before with the posted message when the read-back fails', async () => {
      on('POST', `${TICKET}/messages`).reply(201, hostupFixture('v2-post-message.json'));
      on('GET', TICKET).reply(503, '');
      const ticket = await reply();
      expect(ticket.replies).toHaveLength(4);
      expect(ticket).toMatchObject({ status: 'WAITING_ON_CUSTOMER', lastReplyAt: '2025-04-01T13:02:47Z' });
      expect(ticket.replies[3]).toMatchObject({ id: 'tmsg_01jqm7r4s6t8v0w2x4y6z8a0b2', author: { isStaff: false } });
    });

    it('answers a read-back of another ticket as a failure that may have made the change, not as this ticket', async () => {
      on('POST', `${TICKET}/messages`).reply(201, hostupFixture('v2-post-message.json'));
      on('GET', TICKET).reply(200, detail({ number: '999' }));
      expect(await failure(reply())).toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        message: expect.stringContaining('the change may have been made'),
      });
    });

    it('reads the ticket back even when the 201 holds no readable message', async () => {
      on('POST', `${TICKET}/messages`).reply(201, '');
      on('GET', TICKET).reply(200, replied());
      expect((await reply()).replies).toHaveLength(4);
    });
  });

  describe('closeTicket', () => {
    it('posts the close action with no body and takes the ticket it answers, without another read', async () => {
      let body: unknown = 'unset';
      on('POST', `${TICKET}/actions/close`).reply((options) => {
        body = options.body;
        return { statusCode: 200, data: detail({ status: 'closed' }) };
      });
      expect(await close()).toMatchObject({ number: '616828', status: 'CLOSED', statusText: 'closed' });
      expect(body ?? undefined).toBeUndefined();
      expect(calls()).toEqual([`POST ${TICKET}/actions/close (write)`]);
    });

    it('reads the ticket back when the close answers no ticket', async () => {
      on('POST', `${TICKET}/actions/close`).reply(204, '');
      on('GET', TICKET).reply(200, detail({ status: 'closed' }));
      expect(await close()).toMatchObject({ status: 'CLOSED' });
      expect(calls()).toEqual([`POST ${TICKET}/actions/close (write)`, `GET ${TICKET}`]);
    });

    it('reads the ticket back when the close answers another ticket', async () => {
      on('POST', `${TICKET}/actions/close`).reply(200, detail({ number: '999', status: 'closed' }));
      on('GET', TICKET).reply(200, detail({ status: 'closed', subject: 'Read back' }));
      expect(await close()).toMatchObject({ number: '616828', subject: 'Read back' });
    });

    it('answers the ticket as read before, marked closed, when the read-back fails', async () => {
      on('POST', `${TICKET}/actions/close`).reply(204, '');
      on('GET', TICKET).reply(500, '');
      expect(await close()).toMatchObject({ number: '616828', status: 'CLOSED', statusText: 'closed' });
    });

    it('refuses to close a ticket it read as closed, sending nothing', async () => {
      expect(await failure(close(CLOSED))).toMatchObject({ code: 'TICKET_CLOSED' });
      expect(calls()).toEqual([]);
    });

    it.each([
      ['a route-not-found code', 404, JSON.stringify(hostupFixture('v2-error-404-route.json'))],
      ['method_not_allowed', 405, JSON.stringify(hostupFixture('v2-error-405.json'))],
      ['no problem document', 404, ''],
      ['a problem document with no code', 405, JSON.stringify({ title: 'Method Not Allowed', status: 405 })],
    ])('says HostUp has no close action when the route answers %s (HTTP %i)', async (_, status, body) => {
      on('POST', `${TICKET}/actions/close`).reply(status, body, PROBLEM);
      expect(await failure(close())).toMatchObject({
        code: 'UNSUPPORTED',
        retryable: false,
        message: `HostUp's API has no close action (HTTP ${status})`,
      });
    });

    it('keeps a missing ticket NOT_FOUND on the close route', async () => {
      on('POST', `${TICKET}/actions/close`).reply(404, JSON.stringify(hostupFixture('v2-error-404.json')), PROBLEM);
      expect(await failure(close())).toMatchObject({ code: 'NOT_FOUND', message: 'HostUp has no ticket 616828' });
    });

    it('reads ticket_closed (closed meanwhile) as TICKET_CLOSED', async () => {
      on('POST', `${TICKET}/actions/close`).reply(409, JSON.stringify(hostupFixture('v2-error-409.json')), PROBLEM);
      expect(await failure(close())).toMatchObject({ code: 'TICKET_CLOSED' });
    });

    it('calls a 5xx not retryable: the ticket may have been closed', async () => {
      on('POST', `${TICKET}/actions/close`).reply(503, '');
      expect(await failure(close())).toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        message: 'HostUp failed while trying to close ticket 616828; the change may have been made',
      });
    });
  });

  describe('reopenTicket', () => {
    it('posts the reopen action and takes the refreshed ticket it answers, without another read', async () => {
      on('POST', `${TICKET}/actions/reopen`).reply(200, detail({ status: 'open' }));
      expect(await reopen()).toMatchObject({ number: '616828', status: 'OPEN', statusText: 'open' });
      expect(calls()).toEqual([`POST ${TICKET}/actions/reopen (write)`]);
    });

    it('reads the ticket back when the reopen answers no ticket, and marks it open when that fails too', async () => {
      on('POST', `${TICKET}/actions/reopen`).reply(200, '{"ok": true}');
      on('GET', TICKET).reply(200, detail({ status: 'open', subject: 'Read back' }));
      expect(await reopen()).toMatchObject({ status: 'OPEN', subject: 'Read back' });
      on('POST', `${TICKET}/actions/reopen`).reply(200, '');
      on('GET', TICKET).reply(401, JSON.stringify(hostupFixture('v2-error-401.json')));
      expect(await reopen()).toMatchObject({ status: 'OPEN', statusText: 'open', subject: CURRENT.subject });
    });

    it.each([['OPEN'], ['IN_PROGRESS'], ['WAITING_ON_CUSTOMER'], ['ON_HOLD']] as const)(
      'answers a ticket it read as %s as it stands, sending nothing',
      async (status) => {
        expect(await reopen({ ...CURRENT, status })).toEqual({ ...CURRENT, status });
        expect(calls()).toEqual([]);
      },
    );

    it('leaves a ticket of unknown status for HostUp to judge, and reads its refusal as not closed', async () => {
      const body = { ...hostupFixture('v2-error-409.json'), code: 'ticket_not_closed' };
      on('POST', `${TICKET}/actions/reopen`).reply(409, JSON.stringify(body), PROBLEM);
      expect(await failure(reopen({ ...CURRENT, status: 'UNKNOWN', statusText: 'unknown' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
        upstreamStatus: 409,
      });
      expect(calls()).toEqual([`POST ${TICKET}/actions/reopen (write)`]);
    });

    it.each([
      ['v2-error-403.json', 403, 'FORBIDDEN'],
      ['v2-error-404.json', 404, 'NOT_FOUND'],
      ['v2-error-405.json', 405, 'UNSUPPORTED'],
      ['v2-error-429.json', 429, 'RATE_LIMITED'],
    ])('maps %s (HTTP %i) on a reopen to %s', async (file, status, code) => {
      on('POST', `${TICKET}/actions/reopen`).reply(status, JSON.stringify(hostupFixture(file)), PROBLEM);
      expect(await failure(reopen())).toMatchObject({ code, upstreamStatus: status });
    });

    it('reads invalid_request on an action as a non-retryable UPSTREAM_ERROR', async () => {
      on('POST', `${TICKET}/actions/reopen`).reply(400, JSON.stringify(hostupFixture('v2-error-400.json')), PROBLEM);
      expect(await failure(reopen())).toMatchObject({ code: 'UPSTREAM_ERROR', retryable: false });
    });
  });
});

describe('HostUp v2 writes and the upstream client', () => {
  const trace: CallTrace = { requestId: 'req-1', attempted: () => undefined };

  it('marks every write, and no read, so that a write is never sent twice, and traces each call', async () => {
    const seen: UpstreamRequest[] = [];
    const http = stubUpstream('hostup', async (request) => {
      seen.push(request);
      if (request.method === 'GET') return { status: 200, headers: {}, body: JSON.parse(detail()) };
      return { status: 204, headers: {}, body: undefined };
    });
    const v2 = createHostupProvider({ http, timezone: 'Europe/Stockholm', maxBatch: 1, api: 'v2' });
    await v2.replyToTicket!(CURRENT, REPLY, { secret: TOKEN }, trace);
    await v2.closeTicket!(CURRENT, { secret: TOKEN }, trace);
    await v2.reopenTicket!(CLOSED, { secret: TOKEN }, trace);
    expect(seen.map((request) => [request.method, request.path.replace(TICKET, ''), request.write === true])).toEqual([
      ['POST', '/messages', true],
      ['GET', '', false],
      ['POST', '/actions/close', true],
      ['GET', '', false],
      ['POST', '/actions/reopen', true],
      ['GET', '', false],
    ]);
    expect(seen.every((request) => request.trace === trace)).toBe(true);
  });

  it("passes on the client's error for a write that may have arrived, unchanged", async () => {
    const mayHaveArrived = new UpstreamTimeoutError(
      'hostup did not answer within 10000 ms; the change may have been made',
      { provider: 'hostup', retryable: false },
    );
    const http = stubUpstream('hostup', async () => {
      throw mayHaveArrived;
    });
    const v2 = createHostupProvider({ http, timezone: 'Europe/Stockholm', maxBatch: 1, api: 'v2' });
    await expect(v2.closeTicket!(CURRENT, { secret: TOKEN })).rejects.toBe(mayHaveArrived);
  });
});
