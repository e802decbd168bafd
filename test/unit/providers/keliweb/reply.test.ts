import type { FormData } from 'undici';
import { describe, expect, it } from 'vitest';
import { TicketGraphError } from '../../../../src/domain/errors.js';
import type { Ticket } from '../../../../src/domain/model.js';
import { ADD_TICKET_REPLY_PATH, GET_TICKET_PATH } from '../../../../src/providers/keliweb/client.js';
import { createKeliwebProvider } from '../../../../src/providers/keliweb/index.js';
import { toTicket } from '../../../../src/providers/keliweb/mapper.js';
import { keliwebTicketShape } from '../../../../src/providers/keliweb/payload.js';
import { checked } from '../checked.js';
import { createMockUpstream, recording, useMockAgent } from '../mock-upstream.js';
import { keliwebFixture } from './fixtures.js';

const BASE = 'https://apiv2.keliweb.it';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.keliweb-secret-token';
const BODY = 'Grazie, il certificato ora risulta valido.\r\n\r\nCynthia';
/** The seed's reply "2" as WHMCS would list the new one after it: by the client, no name or e-mail. */
const NEW_REPLY = {
  replyid: '3',
  userid: '1',
  contactid: '0',
  name: '',
  email: '',
  date: '2016-01-02 09:15:00',
  message: BODY,
  attachment: '',
  admin: '',
  rating: '0',
};

/** The seed's get-ticket answer (ticket 516757, internal id "1", Closed), with `changes`. */
const getTicketAnswer = (changes: Record<string, unknown> = {}) => ({
  ...keliwebFixture('get-ticket.example.json'),
  ...changes,
});
/** The answer once the reply is in: last in the thread, the ticket now Customer-Reply. */
const afterReply = () => {
  const seed = keliwebFixture('get-ticket.example.json');
  return {
    ...seed,
    status: 'Customer-Reply',
    lastreply: '2016-01-02 09:15:00',
    replies: { reply: [...seed.replies.reply, NEW_REPLY] },
  };
};
const currentTicket = (answer: unknown = getTicketAnswer()): Ticket =>
  toTicket(checked(keliwebTicketShape, answer), { timezone: 'Europe/Rome', fetchedAt: '2016-01-02T09:14:00+01:00' });

describe('Keliweb replyToTicket over HTTP', () => {
  const agent = useMockAgent();
  const upstream = () => recording(createMockUpstream('keliweb', BASE, agent()));
  const onReply = () => agent().get(BASE).intercept({ path: ADD_TICKET_REPLY_PATH, method: 'POST' });
  const onRead = () => agent().get(BASE).intercept({ path: GET_TICKET_PATH, method: 'POST' });
  const reply = (http = upstream().http, current = currentTicket()): Promise<Ticket> =>
    createKeliwebProvider({ http, timezone: 'Europe/Rome', maxBatch: 1 }).replyToTicket!(current, BODY, {
      secret: TOKEN,
    });
  const failure = async (status: number, body: unknown): Promise<TicketGraphError> => {
    onReply().reply(status, typeof body === 'string' ? body : JSON.stringify(body));
    const error = await reply().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TicketGraphError);
    return error as TicketGraphError;
  };

  it('sends ticketid from the read answer and message as a url-encoded write, then reads the reply back in the thread', async () => {
    let sent: { headers?: unknown; body?: unknown } = {};
    onReply().reply((options) => {
      sent = options;
      return { statusCode: 200, data: JSON.stringify(keliwebFixture('add-ticket-reply.json')) };
    });
    onRead().reply(200, JSON.stringify(afterReply()));
    const { http, sent: requests } = upstream();
    const ticket = await reply(http);
    expect(sent.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'x-requested-with': 'XMLHttpRequest',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect([...new URLSearchParams(sent.body as string).entries()]).toEqual([
      ['ticketid', '1'],
      ['message', BODY],
    ]);
    expect(requests.map((request) => [request.path, request.write])).toEqual([
      [ADD_TICKET_REPLY_PATH, true],
      [GET_TICKET_PATH, undefined],
    ]);
    expect([...(requests[1]!.body as FormData).entries()]).toEqual([
      ['ticketnum', '516757'],
      ['repliessort', 'ASC'],
    ]);
    expect(ticket).toMatchObject({
      provider: 'keliweb',
      number: '516757',
      status: 'OPEN',
      statusText: 'Customer-Reply',
    });
    expect(ticket.replies.at(-1)).toEqual({
      id: '3',
      createdAt: '2016-01-02T09:15:00+01:00',
      body: BODY,
      bodyFormat: 'TEXT',
      author: { name: 'Cynthia Reilly', email: null, isStaff: false },
      attachments: [],
    });
  });

  it('sends a reply to a ticket the request read closed: WHMCS takes it', async () => {
    expect(currentTicket().status).toBe('CLOSED');
    onReply().reply(200, JSON.stringify(keliwebFixture('add-ticket-reply.json')));
    onRead().reply(200, JSON.stringify(afterReply()));
    expect((await reply()).replies).toHaveLength(3);
  });

  it.each([
    ['no ticketid', { ticketid: undefined }],
    ['an empty ticketid', { ticketid: '' }],
    ['a ticketid that is no integer', { ticketid: '1; DROP' }],
    ['a ticketid past 2^53, where digits are lost', { ticketid: 2 ** 53 + 2 }],
    ['a ticketid with a leading zero', { ticketid: '0003207' }],
  ])('sends nothing when the read answer had %s, and says so', async (_, changes) => {
    const { http, sent } = upstream();
    await expect(reply(http, currentTicket(getTicketAnswer(changes)))).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      provider: 'keliweb',
      message: "Keliweb's answer for ticket 516757 had no internal ticketid to reply with; nothing was sent",
    });
    expect(sent).toEqual([]);
  });

  it.each([
    ['add-ticket-reply-error-ticket-not-found.json', 'NOT_FOUND', false],
    ['add-ticket-reply-error-message-required.json', 'BAD_USER_INPUT', false],
    ['add-ticket-reply-error-not-a-client.json', 'UPSTREAM_ERROR', false],
  ])(
    'maps the documented %s, sent with HTTP 200, to %s, retryable %s, in its own words',
    async (file, code, retryable) => {
      const body = keliwebFixture(file);
      const error = await failure(200, body);
      expect(error).toMatchObject({ code, retryable, provider: 'keliweb', upstreamStatus: 200 });
      expect(error.message).not.toContain(body.message);
    },
  );

  it('names the body as the field "Message is required" is about', async () => {
    expect(await failure(200, keliwebFixture('add-ticket-reply-error-message-required.json'))).toMatchObject({
      field: 'body',
      message: 'Keliweb refused an empty reply to ticket 516757',
    });
  });

  it('says nothing was added when WHMCS cannot tell whose reply it is', async () => {
    expect(await failure(200, keliwebFixture('add-ticket-reply-error-not-a-client.json'))).toMatchObject({
      message: "Keliweb could not tell whose reply to ticket 516757 it is (the API account's setup); nothing was added",
    });
  });

  it('reads a refusal naming the ticket closed as TICKET_CLOSED', async () => {
    expect(await failure(200, { result: 'error', message: 'Ticket is Closed' })).toMatchObject({
      code: 'TICKET_CLOSED',
      message: 'Keliweb ticket 516757 is closed to replies',
    });
  });

  it('calls an unknown WHMCS error UPSTREAM_ERROR, not retryable: the reply may have been added', async () => {
    expect(await failure(200, { result: 'error', message: 'An unexpected error occurred' })).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message: 'Keliweb reported an error adding the reply to ticket 516757; it may or may not have been added',
    });
  });

  it.each([
    [401, keliwebFixture('error-401.json'), 'UNAUTHENTICATED', false],
    [404, { message: 'The route api/v2/keliweb/add-ticket-reply could not be found.' }, 'UPSTREAM_ERROR', false],
    [429, { message: 'Too Many Attempts.' }, 'RATE_LIMITED', true],
    [500, '', 'UPSTREAM_ERROR', false],
    [503, { message: 'Service Unavailable' }, 'UPSTREAM_ERROR', false],
  ])('maps HTTP %i to %s, retryable %s', async (status, body, code, retryable) => {
    expect(await failure(status, body)).toMatchObject({ code, retryable, upstreamStatus: status });
  });

  it('answers UPSTREAM_INVALID_RESPONSE, saying the reply may have been added, for a success of another shape', async () => {
    expect(await failure(200, { ok: true })).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      message: expect.stringContaining('Keliweb answered the reply to ticket 516757, which may have been added,'),
    });
  });

  it('answers UPSTREAM_ERROR, not retryable, saying the reply was added, when the read-back fails', async () => {
    onReply().reply(200, JSON.stringify(keliwebFixture('add-ticket-reply.json')));
    onRead().reply(500, '');
    await expect(reply()).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message:
        'Keliweb added the reply to ticket 516757, but reading the ticket back failed: read it again rather than repeating the change',
    });
  });

  it('keeps the token out of every error', async () => {
    for (const [status, body] of [
      [401, keliwebFixture('error-401.json')],
      [200, keliwebFixture('add-ticket-reply-error-ticket-not-found.json')],
      [500, ''],
    ] as const) {
      const error = await failure(status, body);
      expect(`${error.message} ${JSON.stringify(error.extensions)}`).not.toContain(TOKEN);
    }
  });
});
