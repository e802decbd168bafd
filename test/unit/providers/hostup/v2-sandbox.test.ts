import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TicketGraphError } from '../../../../src/domain/errors.js';
import type { Ticket } from '../../../../src/domain/model.js';
import { createHostupProvider } from '../../../../src/providers/hostup/index.js';
import type { Provider } from '../../../../src/providers/provider.js';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import { createUpstreamClient } from '../../../../src/upstream/client.js';
import type { UpstreamClient } from '../../../../src/upstream/types.js';

/** The provider and the simulator of HostUp's v2 API agree: what one sends, the other reads. */
let sandbox: Sandbox;
let http: UpstreamClient;
let v2: Provider;
let legacy: Provider;
beforeAll(async () => {
  sandbox = await startSandbox();
  // Retries on, so a write that is not retried shows it.
  http = createUpstreamClient({
    provider: 'hostup',
    baseUrl: sandbox.urls.hostup,
    timeoutMs: 2_000,
    maxConcurrency: 4,
    retries: 2,
  });
  const deps = { http, timezone: 'Europe/Stockholm', maxBatch: 1 };
  v2 = createHostupProvider({ ...deps, api: 'v2' });
  legacy = createHostupProvider(deps);
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
});
beforeEach(() => sandbox.reset());

const auth = () => ({ secret: sandbox.keys.hostup });
const read = async (provider: Provider, number: string): Promise<Ticket> => {
  const [ticket] = await provider.fetchTickets([number], auth());
  if (!ticket || ticket instanceof Error) throw ticket ?? new Error('no entry');
  return ticket;
};
/** A seeded ticket whose status is (or, with `open`, is not) CLOSED. */
const seeded = async (closed: boolean): Promise<Ticket> => {
  for (const number of sandbox.ticketNumbers('hostup')) {
    const ticket = await read(v2, number);
    if ((ticket.status === 'CLOSED') === closed) return ticket;
  }
  throw new Error('no such seeded ticket');
};
const failure = async (action: Promise<Ticket>): Promise<TicketGraphError> => {
  const error = await action.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TicketGraphError);
  return error as TicketGraphError;
};
/** What the calls since the last reset were: `POST /messages`, relative to the ticket. */
const calls = () =>
  sandbox.requests.map((request) => `${request.method} ${request.path.replace(/^.*\/tickets\/[^/]+/, '')}`);

describe('HostUp v2 provider against the sandbox', () => {
  it('reads a ticket through v2 as the legacy API shows it, in one call with the Bearer token', async () => {
    const [viaV2, viaLegacy] = [await read(v2, '616828'), await read(legacy, '616828')];
    expect(sandbox.requests.map((request) => [request.path, request.headers.authorization !== undefined])).toEqual([
      ['/api/v2/support/tickets/616828', true],
      ['/api/support/tickets/616828', false],
    ]);
    const shared = (ticket: Ticket) => ({
      number: ticket.number,
      subject: ticket.subject,
      body: ticket.body,
      status: ticket.status,
      priority: ticket.priority,
      createdAt: Date.parse(ticket.createdAt ?? ''),
      department: ticket.department,
      requester: ticket.requester?.name,
      replies: ticket.replies.map((reply) => [reply.body, Date.parse(reply.createdAt ?? ''), reply.author?.isStaff]),
      attachments: ticket.attachments.map((attachment) => attachment.filename),
    });
    expect(shared(viaV2)).toEqual(shared(viaLegacy));
    expect(viaV2.attachments[0]).toMatchObject({ size: expect.any(Number), contentType: expect.any(String) });
  });

  it('replies: posts to the public id, reads the ticket back, and the reply stays', async () => {
    const current = await seeded(false);
    sandbox.reset();
    const ticket = await v2.replyToTicket!(current, 'Tack, det fungerar nu.', auth());
    expect(calls()).toEqual(['POST /messages', 'GET ']);
    expect(sandbox.requests[0]!.path).toMatch(/^\/api\/v2\/support\/tickets\/tkt_[0-9a-z]{26}\/messages$/);
    expect(ticket.replies.at(-1)).toMatchObject({ body: 'Tack, det fungerar nu.', author: { isStaff: false } });
    expect(ticket).toMatchObject({ status: 'OPEN', statusText: 'customer_reply' });
    expect((await read(legacy, current.number)).replies.at(-1)?.body).toBe('Tack, det fungerar nu.');
  });

  it('closes in one call, the answer being the ticket, and reopens the same way', async () => {
    const current = await seeded(false);
    sandbox.reset();
    const closed = await v2.closeTicket!(current, auth());
    expect([closed.status, calls()]).toEqual(['CLOSED', ['POST /actions/close']]);
    const reopened = await v2.reopenTicket!(closed, auth());
    expect([reopened.status, reopened.statusText]).toEqual(['OPEN', 'open']);
    expect(calls()).toEqual(['POST /actions/close', 'POST /actions/reopen']);
  });

  it('refuses a reply to a closed ticket without a call, and HostUp refuses one the reader thought open', async () => {
    const closed = await seeded(true);
    sandbox.reset();
    expect(await failure(v2.replyToTicket!(closed, 'Hej?', auth()))).toMatchObject({ code: 'TICKET_CLOSED' });
    expect(sandbox.calls('hostup')).toBe(0);
    const stale = { ...closed, status: 'OPEN' as const };
    expect(await failure(v2.replyToTicket!(stale, 'Hej?', auth()))).toMatchObject({
      code: 'TICKET_CLOSED',
      upstreamStatus: 409,
    });
  });

  it.each([
    ['405', { status: 405 }],
    ['404 route_not_found', { status: 404, code: 'route_not_found' }],
  ])('says HostUp has no close action when the close route answers %s', async (_, fault) => {
    const current = await read(v2, '616828');
    sandbox.setFault('hostup', { ...fault, path: /\/actions\/close$/ });
    expect(await failure(v2.closeTicket!(current, auth()))).toMatchObject({
      code: 'UNSUPPORTED',
      message: `HostUp's API has no close action (HTTP ${fault.status})`,
    });
  });

  it('sends a write once when the connection drops, and says the change may have been made', async () => {
    const current = await seeded(false);
    sandbox.reset();
    sandbox.setFault('hostup', { kind: 'reset', path: /\/messages$/ });
    expect(await failure(v2.replyToTicket!(current, 'Hej', auth()))).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: false,
      message: expect.stringMatching(/the change may have been made/),
    });
    expect(calls()).toEqual(['POST /messages']);
  });

  it('passes on a rate limit with its wait and window', async () => {
    sandbox.setFault('hostup', { status: 429, retryAfter: 30 });
    const [error] = await v2.fetchTickets(['616828'], auth());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 30, rateLimit: { limit: 120, remaining: 0 } });
  });
});
