import { describe, expect, it } from 'vitest';
import { TicketGraphError } from '../../../../src/domain/errors.js';
import type { Ticket } from '../../../../src/domain/model.js';
import { SEARCH_PATH, UPDATE_PATH } from '../../../../src/providers/kapture/client.js';
import { createKaptureProvider } from '../../../../src/providers/kapture/index.js';
import { toTicket } from '../../../../src/providers/kapture/mapper.js';
import { kaptureTicketShape } from '../../../../src/providers/kapture/payload.js';
import type { Provider } from '../../../../src/providers/provider.js';
import { checked } from '../checked.js';
import { createMockUpstream, recording, useMockAgent } from '../mock-upstream.js';
import { KAPTURE, kaptureFixture } from './fixtures.js';

const BASE = KAPTURE.baseUrl;
const KEY = KAPTURE.secret;
const BODY = 'Refund of ₹1,499 initiated; you will see it in 5–7 days.';
/** The seed's element (ticket 713516551148, Pending, sub-status key PS), with `changes` to its task_details. */
const element = (changes: Record<string, unknown> = {}) => {
  const [example] = kaptureFixture('get-ticket.example.json');
  return { ...example, task_details: { ...example.task_details, ...changes } };
};
const CLOSED = { status: 'Closed', substatus: 'Closed', substatusKey: 'CL', taskEnddate: '23-04-2024 10:05' };
const currentTicket = (changes: Record<string, unknown> = {}): Ticket =>
  toTicket(checked(kaptureTicketShape, element(changes)), {
    timezone: 'Asia/Kolkata',
    fetchedAt: '2024-04-23T10:00:00+05:30',
  });

describe('Kapture replyToTicket, closeTicket and reopenTicket over HTTP', () => {
  const agent = useMockAgent();
  const upstream = () => recording(createMockUpstream('kapture', BASE, agent()));
  const provider = (http = upstream().http): Provider =>
    createKaptureProvider({ http, timezone: 'Asia/Kolkata', maxBatch: 20 });
  const onUpdate = () => agent().get(BASE).intercept({ path: UPDATE_PATH, method: 'POST' });
  const onSearch = () => agent().get(BASE).intercept({ path: SEARCH_PATH, method: 'POST' });
  /** The update answers success, the read-back `readBack`; gives what was sent and the ticket. */
  const acting = async (act: (provider: Provider) => Promise<Ticket>, readBack: unknown) => {
    onUpdate().reply(200, JSON.stringify(kaptureFixture('update-ticket.json')));
    onSearch().reply(200, JSON.stringify([readBack]));
    const { http, sent } = upstream();
    const ticket = await act(provider(http));
    return { ticket, sent, update: JSON.parse(String(sent[0]!.body)), search: JSON.parse(String(sent[1]!.body)) };
  };
  const reply =
    (current = currentTicket()) =>
    (p: Provider) =>
      p.replyToTicket!(current, BODY, { secret: KEY });
  const failure = async (status: number, body: unknown): Promise<TicketGraphError> => {
    onUpdate().reply(status, typeof body === 'string' ? body : JSON.stringify(body));
    const error = await reply()(provider()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TicketGraphError);
    return error as TicketGraphError;
  };

  it("replies with the ticket's own sub-status key as a write, a JSON array, then reads it back with one search", async () => {
    let headers: unknown;
    onUpdate().reply((options) => {
      headers = options.headers;
      return { statusCode: 200, data: JSON.stringify(kaptureFixture('update-ticket.json')) };
    });
    onSearch().reply(200, JSON.stringify([element({ lastConvesationTime: '23-04-2024 10:02' })]));
    const { http, sent } = upstream();
    const ticket = await reply()(provider(http));
    expect(headers).toMatchObject({ authorization: `Basic ${KEY}`, 'content-type': 'application/json' });
    expect(sent.map((request) => [request.path, request.write])).toEqual([
      [UPDATE_PATH, true],
      [SEARCH_PATH, undefined],
    ]);
    expect(JSON.parse(String(sent[0]!.body))).toEqual([{ ticket_id: '713516551148', sub_status: 'PS', comment: BODY }]);
    expect(JSON.parse(String(sent[1]!.body))).toMatchObject({ ticket_ids: '713516551148' });
    expect(ticket).toMatchObject({
      provider: 'kapture',
      number: '713516551148',
      status: 'OPEN',
      lastReplyAt: '2024-04-23T10:02:00+05:30',
    });
  });

  it('keeps a tenant sub-status such as AC (Awaiting Customer Response) on a reply, never a guessed P', async () => {
    const current = currentTicket({ substatus: 'Awaiting Customer Response', substatusKey: 'AC' });
    const { update } = await acting(reply(current), element({ substatusKey: 'AC' }));
    expect(update).toEqual([{ ticket_id: '713516551148', sub_status: 'AC', comment: BODY }]);
  });

  it('comments on a closed ticket with its CL, so it stays closed', async () => {
    const { update, ticket } = await acting(reply(currentTicket(CLOSED)), element(CLOSED));
    expect(update).toEqual([{ ticket_id: '713516551148', sub_status: 'CL', comment: BODY }]);
    expect(ticket.status).toBe('CLOSED');
  });

  it.each([
    ['no substatusKey', { substatusKey: undefined }],
    ['a blank substatusKey', { substatusKey: ' ' }],
  ])('sends nothing for a reply when the read answer had %s, and says so', async (_, changes) => {
    const { http, sent } = upstream();
    await expect(reply(currentTicket(changes))(provider(http))).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      provider: 'kapture',
      message: "Kapture CRM's answer for ticket 713516551148 had no sub-status key to comment with; nothing was sent",
    });
    expect(sent).toEqual([]);
  });

  it('closes with sub_status CL and no comment, and answers the ticket read back closed', async () => {
    const { update, search, ticket } = await acting(
      (p) => p.closeTicket!(currentTicket(), { secret: KEY }),
      element(CLOSED),
    );
    expect(update).toEqual([{ ticket_id: '713516551148', sub_status: 'CL' }]);
    expect(search).toMatchObject({ ticket_ids: '713516551148' });
    expect(ticket).toMatchObject({ status: 'CLOSED', statusText: 'Closed', closedAt: '2024-04-23T10:05:00+05:30' });
  });

  it.each([
    ['Closed (CL)', CLOSED],
    ['Complete (RS)', { status: 'Complete', substatus: 'Resolved', substatusKey: 'RS' }],
  ])('sends nothing to close a ticket the request read %s, and answers TICKET_CLOSED', async (_, changes) => {
    const { http, sent } = upstream();
    await expect(provider(http).closeTicket!(currentTicket(changes), { secret: KEY })).rejects.toMatchObject({
      code: 'TICKET_CLOSED',
      provider: 'kapture',
      retryable: false,
      message: 'Kapture CRM ticket 713516551148 is closed already',
    });
    expect(sent).toEqual([]);
  });

  it('reopens a closed ticket with sub_status P and no comment, and answers it read back open', async () => {
    const { update, ticket } = await acting(
      (p) => p.reopenTicket!(currentTicket(CLOSED), { secret: KEY }),
      element({ substatusKey: 'P' }),
    );
    expect(update).toEqual([{ ticket_id: '713516551148', sub_status: 'P' }]);
    expect(ticket).toMatchObject({ status: 'OPEN', statusText: 'Pending', closedAt: null });
  });

  it('reopens a ticket of a tenant status it cannot tell open or closed', async () => {
    const { update } = await acting(
      (p) => p.reopenTicket!(currentTicket({ status: 'Escalated', substatusKey: 'ES' }), { secret: KEY }),
      element({ substatusKey: 'P' }),
    );
    expect(update).toEqual([{ ticket_id: '713516551148', sub_status: 'P' }]);
  });

  it.each([
    ['Pending (PS)', {}],
    ['In Progress (IP)', { substatus: 'In Progress', substatusKey: 'IP' }],
  ])('sends nothing to reopen a ticket the request read open, %s, and answers it as read', async (_, changes) => {
    const current = currentTicket(changes);
    const { http, sent } = upstream();
    expect(await provider(http).reopenTicket!(current, { secret: KEY })).toBe(current);
    expect(sent).toEqual([]);
  });

  it.each([
    [200, 'error-invalid-auth-key.json', 'UNAUTHENTICATED'],
    [401, 'error-invalid-auth-key.json', 'UNAUTHENTICATED'],
    [403, 'error-invalid-auth-key.json', 'UNAUTHENTICATED'],
    [200, 'update-error-no-data.json', 'NOT_FOUND'],
    [200, 'update-error-invalid-format.json', 'UPSTREAM_ERROR'],
    [200, 'error-invalid-json.json', 'UPSTREAM_ERROR'],
  ])('maps status "failed" with HTTP %i, %s, to %s by its message, not retryable', async (status, file, code) => {
    const body = kaptureFixture(file);
    const error = await failure(status, body);
    expect(error).toMatchObject({ code, retryable: false, provider: 'kapture', upstreamStatus: status });
    expect(error.message).not.toContain(body.message);
  });

  it('says whose fault a malformed update is, and that an unknown failure is no success', async () => {
    expect(await failure(200, kaptureFixture('update-error-invalid-format.json'))).toMatchObject({
      message: "Kapture CRM refused the gateway's update of ticket 713516551148 as malformed",
    });
    expect(await failure(200, { message: 'Something went wrong', status: 'failed' })).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message: 'Kapture CRM reported a failure updating ticket 713516551148',
    });
    expect(await failure(500, { message: 'Internal Server Error', status: 'failed' })).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message: 'Kapture CRM reported a failure updating ticket 713516551148; the change may or may not have been made',
    });
  });

  it.each([
    [400, 'UPSTREAM_ERROR', false],
    [401, 'UNAUTHENTICATED', false],
    [403, 'FORBIDDEN', false],
    [404, 'UPSTREAM_ERROR', false],
    [429, 'RATE_LIMITED', true],
    [500, 'UPSTREAM_ERROR', false],
    [503, 'UPSTREAM_ERROR', false],
  ])('maps a bare HTTP %i to %s, retryable %s', async (status, code, retryable) => {
    expect(await failure(status, '')).toMatchObject({ code, retryable, upstreamStatus: status });
  });

  it('names the endpoint, not the ticket, for a bare 404, and says a 500 may have made the change', async () => {
    expect(await failure(404, '')).toMatchObject({
      message: 'Kapture CRM has no update endpoint at the configured base URL',
    });
    expect(await failure(500, '')).toMatchObject({
      message:
        'Kapture CRM failed while updating ticket 713516551148 (HTTP 500); the change may or may not have been made',
    });
  });

  it.each([
    ['an array', []],
    ['another status', { status: 'ok' }],
  ])('answers UPSTREAM_INVALID_RESPONSE, saying the change may have been made, for a 200 of %s', async (_, body) => {
    expect(await failure(200, body)).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      message: expect.stringContaining(
        'Kapture CRM answered the update of ticket 713516551148, which may have been made,',
      ),
    });
  });

  it.each([
    ['fails', () => onSearch().reply(500, '')],
    ['does not hold the ticket', () => onSearch().reply(200, '[]')],
  ])('answers UPSTREAM_ERROR, not retryable, saying the change was made, when the read-back %s', async (_, read) => {
    onUpdate().reply(200, JSON.stringify(kaptureFixture('update-ticket.json')));
    read();
    await expect(provider().closeTicket!(currentTicket(), { secret: KEY })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message:
        'Kapture CRM updated ticket 713516551148, but reading the ticket back failed: read it again rather than repeating the change',
    });
  });

  it('keeps the key out of every error', async () => {
    for (const [status, body] of [
      [200, kaptureFixture('error-invalid-auth-key.json')],
      [200, kaptureFixture('update-error-no-data.json')],
      [500, ''],
    ] as const) {
      const error = await failure(status, body);
      expect(`${error.message} ${JSON.stringify(error.extensions)}`).not.toContain(KEY);
    }
  });
});
