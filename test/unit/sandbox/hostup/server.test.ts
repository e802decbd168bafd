import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import { call } from '../http-calls.js';

const TICKET_FIELDS = [
  'id',
  'parent_id',
  'date',
  'lastreply',
  'lastupdate',
  'lastedit',
  'editby',
  'ticket_number',
  'acc_hash',
  'dept_id',
  'client_id',
  'creator_id',
  'name',
  'email',
  'cc',
  'bcc',
  'subject',
  'body',
  'status',
  'priority',
  'flags',
  'tags',
  'admin_read',
  'client_read',
  'type',
  'request_type',
  'senderip',
  'escalated',
  'sla_id',
  'start_date',
  'resolve_date',
  'owner_id',
  'metadata',
  'brand_id',
  'deadline',
  'deptname',
  'viewtime',
  'share',
  'share_tag',
  'client_group',
  'status_color',
  'org_deptname',
  'from',
  'subscriptions',
  'owner',
  'replies',
  'attachments',
  'notes',
  'number',
  'linkedServices',
];
const REPLY_FIELDS = [
  'id',
  'ticket_id',
  'replier_id',
  'name',
  'email',
  'date',
  'lastedit',
  'editby',
  'body',
  'status',
  'type',
  'flags',
  'senderip',
  'rating',
  'rate_date',
  'from',
  'gravatar',
];
const LINKED_SERVICE_FIELDS = [
  'id',
  'ticketNumber',
  'clientId',
  'serviceType',
  'serviceId',
  'serviceName',
  'metadata',
  'aiSummary',
  'aiHelpful',
  'createdAt',
  'updatedAt',
];
const HOSTBILL_DATE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const getTicket = (number: string, key: string | null = sandbox.keys.hostup) =>
  call(`${sandbox.urls.hostup}/api/support/tickets/${number}`, { headers: key === null ? {} : { 'x-api-key': key } });

function expectLegacyError(body: unknown, error: string, code: string): void {
  expect(body).toEqual({
    error,
    message: expect.any(String),
    code,
    timestamp: expect.any(String),
    requestId: expect.any(String),
  });
}

describe('hostup get ticket', () => {
  it('answers 616828 in the documented envelope with every field of the seed', async () => {
    const { status, body } = await getTicket('616828');
    expect(status).toBe(200);
    expect(body).toEqual({
      success: true,
      timestamp: expect.any(String),
      requestId: expect.any(String),
      data: { ticket: expect.any(Object) },
    });
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    const ticket = body.data.ticket;
    expect(Object.keys(ticket).sort()).toEqual([...TICKET_FIELDS].sort());
    expect(Object.keys(ticket.replies[0]).sort()).toEqual([...REPLY_FIELDS].sort());
    expect(Object.keys(ticket.owner).sort()).toEqual(['email', 'firstname', 'id', 'lastname', 'status', 'username']);
    expect(Object.keys(ticket.linkedServices[0]).sort()).toEqual([...LINKED_SERVICE_FIELDS].sort());
    expect(Object.keys(ticket.linkedServices[0].metadata).sort()).toEqual(['hostname', 'nextDue', 'status']);
    expect(ticket).toMatchObject({ number: '616828', ticket_number: '616828', flags: expect.any(Number) });
    for (const field of ['tags', 'metadata', 'subscriptions', 'attachments', 'notes']) {
      expect(ticket[field].length).toBeGreaterThan(0);
      for (const item of ticket[field]) expect(typeof item).toBe('string');
    }
    for (const field of ['id', 'client_id', 'dept_id', 'owner_id']) expect(ticket[field]).toMatch(/^\d+$/);
    for (const field of ['date', 'lastreply', 'lastupdate', 'start_date']) expect(ticket[field]).toMatch(HOSTBILL_DATE);
    expect(['Open', 'Answered', 'Client-Reply', 'In-Progress', 'Closed']).toContain(ticket.status);
    expect(['Low', 'Medium', 'High', 'Urgent']).toContain(ticket.priority);
    expect(ticket.replies.length).toBeGreaterThanOrEqual(10);
  });

  it('accepts leading zeros as the same integer', async () => {
    const number = sandbox.ticketNumbers('hostup')[0]!;
    expect((await getTicket(`00${number}`)).body.data.ticket.number).toBe(number);
  });

  it('answers 401 for a missing or unknown key', async () => {
    for (const key of [null, 'wrong-key']) {
      const { status, body } = await getTicket('616828', key);
      expect(status).toBe(401);
      expectLegacyError(body, 'Unauthorized', 'UNAUTHORIZED');
    }
  });

  it('answers 400 INVALID_PARAMETER for a number that is not an integer ≥ 1', async () => {
    for (const number of ['abc', '0', '-3', '1.5', '6168e2', '%E0%A4%A', '99999999999999999999']) {
      const { status, body } = await getTicket(number);
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: 'Bad Request', message: 'Invalid ticket number', code: 'INVALID_PARAMETER' });
    }
  });

  it("answers the same 404 for an unknown ticket and another tenant's ticket", async () => {
    const other = sandbox.ticketNumbers('hostup', 'other')[0]!;
    const unknown = await getTicket('1');
    const foreign = await getTicket(other);
    expect([unknown.status, foreign.status]).toEqual([404, 404]);
    expectLegacyError(unknown.body, 'Not Found', 'TICKET_NOT_FOUND');
    expect({ ...foreign.body, timestamp: 0, requestId: 0 }).toEqual({ ...unknown.body, timestamp: 0, requestId: 0 });
    expect((await getTicket(other, sandbox.otherKeys.hostup)).status).toBe(200);
  });

  it('answers an injected 429 with retryAfter and a Retry-After header, and 403 when suspended', async () => {
    sandbox.setFault('hostup', { status: 429 });
    const limited = await getTicket('616828');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toEqual({
      error: 'Too Many Requests',
      message: expect.any(String),
      retryAfter: '1',
      requestId: expect.any(String),
    });
    sandbox.setFault('hostup', { status: 429, retryAfter: 30 });
    expect((await getTicket('616828')).body.retryAfter).toBe('30');
    sandbox.setFault('hostup', { status: 403 });
    const forbidden = await getTicket('616828');
    expect(forbidden.status).toBe(403);
    expectLegacyError(forbidden.body, 'Forbidden', 'ACCOUNT_SUSPENDED');
  });

  it('answers an injected error with a 2xx httpStatus as success: false in the same document', async () => {
    sandbox.setFault('hostup', { status: 404, httpStatus: 200 });
    const missing = await getTicket('616828');
    expect(missing.status).toBe(200);
    expect(missing.body).toEqual({
      success: false,
      error: 'Not Found',
      message: 'Ticket not found',
      code: 'TICKET_NOT_FOUND',
      timestamp: expect.any(String),
      requestId: expect.any(String),
    });
    sandbox.setFault('hostup', { status: 429, retryAfter: 30, httpStatus: 200 });
    const limited = await getTicket('616828');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([200, '30']);
    expect(limited.body).toEqual({
      success: false,
      error: 'Too Many Requests',
      message: 'Rate limit exceeded, try again later',
      retryAfter: '30',
      requestId: expect.any(String),
    });
  });

  it('answers an unknown route or method with a 404 in the legacy error shape', async () => {
    const wrongPath = await call(`${sandbox.urls.hostup}/api/support/ticket/616828`, {
      headers: { 'x-api-key': sandbox.keys.hostup },
    });
    const wrongMethod = await call(`${sandbox.urls.hostup}/api/support/tickets/616828`, {
      method: 'DELETE',
      headers: { 'x-api-key': sandbox.keys.hostup },
    });
    for (const { status, body } of [wrongPath, wrongMethod]) {
      expect(status).toBe(404);
      expectLegacyError(body, 'Not Found', 'ROUTE_NOT_FOUND');
    }
  });
});
