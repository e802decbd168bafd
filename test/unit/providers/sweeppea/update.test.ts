import { describe, expect, it } from 'vitest';
import {
  ForbiddenError,
  NotFoundError,
  TicketClosedError,
  TicketGraphError,
  UnauthenticatedError,
  UpstreamFailedError,
  ValidationError,
} from '../../../../src/domain/errors.js';
import type { Ticket, TicketUpdate } from '../../../../src/domain/model.js';
import { createSweeppeaProvider } from '../../../../src/providers/sweeppea/index.js';
import { createMockUpstream, recording, useMockAgent } from '../mock-upstream.js';
import { leaves } from '../seed-landing.js';
import { sweeppeaFixture } from './fixtures.js';

const BASE = 'https://api-v3.sweeppea.com';
const KEY = 'sk_live_9f8e7d6c5b4a';
const CASE = '2650478';
const CHANGE: TicketUpdate = {
  number: CASE,
  title: 'UPDATED: Issue with sweepstakes entry',
  description: 'Users are unable to submit entries',
};

describe('Sweeppea updateTicket over HTTP', () => {
  const agent = useMockAgent();
  const provider = () =>
    createSweeppeaProvider({ http: createMockUpstream('sweeppea', BASE, agent()), timezone: 'UTC', maxBatch: 1 });
  const onUpdate = () => agent().get(BASE).intercept({ path: '/tickets/update', method: 'POST' });
  const onRead = () => agent().get(BASE).intercept({ path: '/tickets/fetchSingleTicket', method: 'POST' });
  const readBack = (changes: Record<string, unknown> = {}) => {
    const seed = sweeppeaFixture('fetch-single-ticket.json');
    return JSON.stringify({ ...seed, Data: { ...seed.Data, CaseNumber: CASE, ...changes } });
  };
  const update = (change: TicketUpdate = CHANGE): Promise<Ticket> => provider().updateTicket!(change, { secret: KEY });
  const failure = async (status: number, body: unknown): Promise<TicketGraphError> => {
    onUpdate().reply(status, JSON.stringify(body));
    const error = await update().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TicketGraphError);
    return error as TicketGraphError;
  };

  it('sends the documented request: POST, Bearer key, JSON {CaseId, Title, Description}, then reads the ticket back', async () => {
    let sent: { headers?: unknown; body?: unknown } = {};
    onUpdate().reply((options) => {
      sent = options;
      return { statusCode: 200, data: JSON.stringify(sweeppeaFixture('update-ticket.json')) };
    });
    onRead().reply(200, readBack({ Subject: CHANGE.title }));
    const ticket = await update();
    expect(sent.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'content-type': 'application/json' });
    expect(JSON.parse(String(sent.body))).toEqual({
      CaseId: CASE,
      Title: CHANGE.title,
      Description: CHANGE.description,
    });
    expect(ticket).toMatchObject({
      provider: 'sweeppea',
      number: CASE,
      subject: CHANGE.title,
      notes: [expect.anything()],
    });
  });

  it('sends the update as a write, never sent again once it may have arrived, and the read-back as a read', async () => {
    onUpdate().reply(200, JSON.stringify(sweeppeaFixture('update-ticket.json')));
    onRead().reply(200, readBack());
    const { http, sent } = recording(createMockUpstream('sweeppea', BASE, agent()));
    await createSweeppeaProvider({ http, timezone: 'UTC', maxBatch: 1 }).updateTicket!(CHANGE, { secret: KEY });
    expect(sent.map((request) => [request.path, request.write])).toEqual([
      ['/tickets/update', true],
      ['/tickets/fetchSingleTicket', undefined],
    ]);
  });

  it('sends only the field being changed', async () => {
    let body = '';
    onUpdate().reply((options) => {
      body = String(options.body);
      return { statusCode: 200, data: JSON.stringify(sweeppeaFixture('update-ticket.json')) };
    });
    onRead().reply(200, readBack());
    await update({ number: CASE, description: '<p>new</p>' });
    expect(JSON.parse(body)).toEqual({ CaseId: CASE, Description: '<p>new</p>' });
  });

  it("answers from the update's own fields when the read-back fails, every documented field in the ticket or raw", async () => {
    const answer = sweeppeaFixture('update-ticket.json');
    onUpdate().reply(200, JSON.stringify(answer));
    onRead().reply(503, '');
    const ticket = await update();
    expect(ticket).toMatchObject({
      number: CASE,
      subject: 'UPDATED: Issue with sweepstakes entry',
      body: 'Users are unable to submit entries on both mobile and desktop versions',
      status: 'OPEN',
      priority: 'MEDIUM',
      notes: [],
    });
    expect(ticket.raw).toEqual(answer);
    for (const leaf of leaves(answer)) expect(leaves(ticket.raw)).toContainEqual(leaf);
  });

  it.each([
    ['update-error-400-closed.json', 400, 'TICKET_CLOSED', undefined],
    ['update-error-400-no-field.json', 400, 'BAD_USER_INPUT', 'input'],
    ['update-error-400-caseid.json', 400, 'BAD_USER_INPUT', 'number'],
    ['update-error-401.json', 401, 'UNAUTHENTICATED', undefined],
    ['update-error-403.json', 403, 'FORBIDDEN', undefined],
    ['error-403.json', 403, 'UNAUTHENTICATED', undefined],
    ['update-error-404.json', 404, 'NOT_FOUND', undefined],
    ['update-error-500.json', 500, 'UPSTREAM_ERROR', undefined],
  ])('maps the documented %s (HTTP %i) to %s, in its own words', async (file, status, code, field) => {
    const body = sweeppeaFixture(file);
    const error = await failure(status, body);
    expect(error).toMatchObject({ code, provider: 'sweeppea', upstreamStatus: status });
    if (field !== undefined) expect(error).toMatchObject({ field });
    expect(error.message).not.toContain(body.Message);
  });

  it('calls a 500 not retryable: the change may have been made', async () => {
    expect(await failure(500, sweeppeaFixture('update-error-500.json'))).toMatchObject({ retryable: false });
  });

  it("calls a 503 in Sweeppea's own error document (endpoint busy) retryable: nothing was done", async () => {
    const busy = { Response: false, Message: 'Service Unavailable: endpoint busy, retry with exponential backoff' };
    expect(await failure(503, busy)).toMatchObject({ code: 'UPSTREAM_ERROR', retryable: true });
  });

  it.each([
    ['an empty body', ''],
    ['an HTML page', '<html><body>503 Service Temporarily Unavailable</body></html>'],
  ])(
    "calls a 503 with %s (a proxy's, not Sweeppea's) not retryable: the update may have reached Sweeppea",
    async (_, text) => {
      onUpdate().reply(503, text);
      const error = (await update().catch((caught: unknown) => caught)) as TicketGraphError;
      expect(error).toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        message: expect.stringMatching(/may or may not have been made/),
      });
    },
  );

  it.each([
    [
      'update-error-400-closed.json',
      TicketClosedError,
      { code: 'TICKET_CLOSED', message: 'Sweeppea ticket 2650478 is closed and cannot be updated' },
    ],
    [
      'update-error-400-no-field.json',
      ValidationError,
      {
        code: 'BAD_USER_INPUT',
        field: 'input',
        message: 'Sweeppea refused the update of ticket 2650478: it takes a title, a description or both',
      },
    ],
    [
      'update-error-400-caseid.json',
      ValidationError,
      { code: 'BAD_USER_INPUT', field: 'number', message: 'Sweeppea refused the update of ticket 2650478 (number)' },
    ],
    [
      'update-error-401.json',
      UnauthenticatedError,
      { code: 'UNAUTHENTICATED', message: 'Sweeppea rejected the API key' },
    ],
    [
      'update-error-403.json',
      ForbiddenError,
      { code: 'FORBIDDEN', message: 'Sweeppea does not let this API key update ticket 2650478' },
    ],
    ['update-error-404.json', NotFoundError, { code: 'NOT_FOUND', message: 'Sweeppea has no ticket 2650478' }],
    [
      'update-refused-unlisted.json',
      UpstreamFailedError,
      {
        code: 'UPSTREAM_ERROR',
        message:
          'Sweeppea refused the update of ticket 2650478 for a reason the gateway does not know; nothing was changed',
      },
    ],
  ] as const)(
    'reads %s sent with HTTP 200 (Response false, no Code) as the refusal its message names: nothing was done',
    async (file, kind, expected) => {
      const error = await failure(200, sweeppeaFixture(file));
      expect(error).toBeInstanceOf(kind);
      expect({
        code: error.code,
        message: error.message,
        retryable: error.retryable,
        upstreamStatus: error.upstreamStatus,
        ...(error instanceof ValidationError && { field: error.field }),
      }).toEqual({ ...expected, retryable: false, upstreamStatus: 200 });
    },
  );

  it("keeps a 200 whose message is Sweeppea's own failure (Internal server error) one that may have been made", async () => {
    expect(await failure(200, sweeppeaFixture('update-error-500.json'))).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message: 'Sweeppea failed while updating ticket 2650478; the change may or may not have been made',
    });
  });

  it('reads a closed ticket refused with HTTP 200 and Response false as TICKET_CLOSED', async () => {
    expect(await failure(200, sweeppeaFixture('update-error-400-closed.json'))).toMatchObject({
      code: 'TICKET_CLOSED',
    });
  });

  it('answers UPSTREAM_INVALID_RESPONSE for a success of the wrong shape', async () => {
    expect(await failure(200, { Response: true, Message: 'ok' })).toMatchObject({ code: 'UPSTREAM_INVALID_RESPONSE' });
  });

  it("answers from the update's own fields when the read-back is another ticket", async () => {
    onUpdate().reply(200, JSON.stringify(sweeppeaFixture('update-ticket.json')));
    onRead().reply(200, readBack({ CaseNumber: 'OTHER1', Subject: 'Not this one' }));
    expect(await update()).toMatchObject({ number: CASE, subject: 'UPDATED: Issue with sweepstakes entry' });
  });

  it('answers UPSTREAM_INVALID_RESPONSE when the update and its read-back are both another ticket', async () => {
    const answer = sweeppeaFixture('update-ticket.json');
    onUpdate().reply(200, JSON.stringify({ ...answer, Ticket: { ...answer.Ticket, CaseNumber: 'OTHER1' } }));
    onRead().reply(200, readBack({ CaseNumber: 'OTHER1' }));
    await expect(update()).rejects.toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      provider: 'sweeppea',
      message: `The sweeppea answer for ticket ${CASE} is another ticket`,
    });
  });

  it('keeps the key out of every error', async () => {
    for (const file of ['update-error-401.json', 'update-error-403.json', 'update-error-500.json']) {
      const error = await failure(file === 'update-error-500.json' ? 500 : 403, sweeppeaFixture(file));
      expect(`${error.message} ${JSON.stringify(error.extensions)}`).not.toContain(KEY);
    }
  });
});
