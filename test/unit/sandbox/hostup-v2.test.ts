import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { hostupFixture } from '../providers/hostup/fixtures.js';
import { call, postJson, type HttpAnswer } from './http-calls.js';

const TICKETS = '/api/v2/support/tickets';
const PROBLEM_FIELDS = ['code', 'detail', 'instance', 'requestId', 'status', 'timestamp', 'title', 'type'];
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const V2_STATUSES = ['open', 'answered', 'customer_reply', 'in_progress', 'on_hold', 'closed', 'unknown'];
const keysOf = (value: object) => Object.keys(value).sort();

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const bearer = (key: string | null = sandbox.keys.hostup): Record<string, string> =>
  key === null ? {} : { authorization: `Bearer ${key}` };
const get = (path: string, key?: string | null): Promise<HttpAnswer> =>
  call(`${sandbox.urls.hostup}${path}`, { headers: bearer(key) });
const post = (path: string, body?: unknown, key?: string | null): Promise<HttpAnswer> =>
  body === undefined
    ? call(`${sandbox.urls.hostup}${path}`, { method: 'POST', headers: bearer(key) })
    : postJson(`${sandbox.urls.hostup}${path}`, body, bearer(key));
const legacy = async (number: string) =>
  (
    await call(`${sandbox.urls.hostup}/api/support/tickets/${number}`, {
      headers: { 'x-api-key': sandbox.keys.hostup },
    })
  ).body.data.ticket;
/** A seeded ticket of the primary tenant whose legacy status is `status` (or is not, with `not`). */
const seeded = async (wanted: (status: string) => boolean): Promise<string> => {
  for (const number of sandbox.ticketNumbers('hostup')) if (wanted((await legacy(number)).status)) return number;
  throw new Error('no such seeded ticket');
};

function expectProblem(answer: HttpAnswer, status: number, code: string, instance: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(keysOf(answer.body).filter((key) => key !== 'errors')).toEqual(PROBLEM_FIELDS);
  expect(answer.body).toMatchObject({ status, code, instance, type: `https://cloud.hostup.se/problems/${code}` });
  expect(new Date(answer.body.timestamp).toISOString()).toBe(answer.body.timestamp);
}

describe('hostup v2 get ticket', () => {
  it('answers 616828 by number with every documented field, in camelCase, with UTC ISO dates', async () => {
    const { status, headers, body } = await get(`${TICKETS}/616828`);
    expect([status, headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    const documented = hostupFixture('v2-get-ticket.json');
    expect(keysOf(body)).toEqual(keysOf(documented));
    expect(keysOf(body.messages[0])).toEqual(keysOf(documented.messages[0]));
    expect(keysOf(body.attachments[0])).toEqual(keysOf(documented.attachments[0]));
    expect(keysOf(body.linkedServices[0])).toEqual(keysOf(documented.linkedServices[0]));
    expect(body).toMatchObject({ number: '616828', id: expect.stringMatching(/^tkt_[0-9a-hjkmnp-tv-z]{26}$/) });
    for (const field of ['createdAt', 'updatedAt', 'lastMessageAt']) expect(body[field]).toMatch(ISO_UTC);
    expect(V2_STATUSES).toContain(body.status);
    expect(['low', 'medium', 'high', 'urgent', 'critical']).toContain(body.priority);
    expect(body.messageCount).toBe(body.messages.length);
    for (const message of body.messages) {
      expect(message).toMatchObject({ ticketId: body.id, encrypted: false, attachments: [] });
      expect(message.id).toMatch(/^tmsg_/);
      expect(['customer', 'staff']).toContain(message.sender);
      expect(message.sentAt).toMatch(ISO_UTC);
    }
    expect(body.attachments[0]).toMatchObject({ size: expect.any(Number), contentType: expect.any(String) });
  });

  it('answers the same ticket by its public id, and shows what the legacy API shows', async () => {
    const byNumber = (await get(`${TICKETS}/616828`)).body;
    const byId = await get(`${TICKETS}/${byNumber.id}`);
    expect(byId.body).toEqual(byNumber);
    const old = await legacy('616828');
    expect(byNumber).toMatchObject({
      subject: old.subject,
      body: old.body,
      requesterName: old.name,
      departmentName: old.deptname,
      messageCount: old.replies.length,
      attachments: old.attachments.map((fileName: string) => expect.objectContaining({ fileName })),
    });
    expect(byNumber.messages.map((message: any) => [message.body, message.sender, message.senderName])).toEqual(
      old.replies.map((reply: any) => [reply.body, reply.type === 'Admin' ? 'staff' : 'customer', reply.name]),
    );
    expect(new Set(byNumber.messages.map((message: any) => message.sender))).toEqual(new Set(['staff', 'customer']));
    expect(byNumber.ccEmails).toEqual([old.cc]);
    expect(old.cc).toBe('bjorn@jonkopingsbageri.se');
    expect(Date.parse(byNumber.createdAt)).toBe(Date.parse(`${old.date.replace(' ', 'T')}+01:00`));
  });

  it('maps the HostBill statuses onto the v2 words', async () => {
    const words: Record<string, string> = {
      Open: 'open',
      Answered: 'answered',
      'Client-Reply': 'customer_reply',
      'In-Progress': 'in_progress',
      'On-Hold': 'on_hold',
      Closed: 'closed',
      // A status an admin made up.
      'Awaiting-Vendor': 'unknown',
    };
    for (const number of sandbox.ticketNumbers('hostup')) {
      expect((await get(`${TICKETS}/${number}`)).body.status).toBe(words[(await legacy(number)).status]);
    }
  });

  it('accepts a number with leading zeros', async () => {
    expect((await get(`${TICKETS}/00616828`)).body.number).toBe('616828');
  });

  it('answers 401 unauthorized for no token, an unknown one, or the legacy X-API-Key alone', async () => {
    for (const answer of [
      await get(`${TICKETS}/616828`, null),
      await get(`${TICKETS}/616828`, 'wrong-key'),
      await call(`${sandbox.urls.hostup}${TICKETS}/616828`, { headers: { 'x-api-key': sandbox.keys.hostup } }),
    ]) {
      expectProblem(answer, 401, 'unauthorized', `${TICKETS}/616828`);
    }
  });

  it("answers the same 404 not_found for an unknown ticket and another tenant's", async () => {
    const other = sandbox.ticketNumbers('hostup', 'other')[0]!;
    const unknown = await get(`${TICKETS}/1`);
    const foreign = await get(`${TICKETS}/${other}`);
    const byUnknownId = await get(`${TICKETS}/tkt_01jnkq3m8v4x7c2d9e6f0g1h2j`);
    expectProblem(unknown, 404, 'not_found', `${TICKETS}/1`);
    expectProblem(foreign, 404, 'not_found', `${TICKETS}/${other}`);
    expectProblem(byUnknownId, 404, 'not_found', `${TICKETS}/tkt_01jnkq3m8v4x7c2d9e6f0g1h2j`);
    expect(foreign.body.detail).toBe(unknown.body.detail);
    expect((await get(`${TICKETS}/${other}`, sandbox.otherKeys.hostup)).status).toBe(200);
  });

  it('answers a route it lacks with 404 route_not_found and a wrong method with 405, unlike a missing ticket', async () => {
    expectProblem(
      await post(`${TICKETS}/616828/actions/escalate`),
      404,
      'route_not_found',
      `${TICKETS}/616828/actions/escalate`,
    );
    expectProblem(await get('/api/v2/support/ticket/616828'), 404, 'route_not_found', '/api/v2/support/ticket/616828');
    const wrongMethod = await get(`${TICKETS}/616828/actions/close`);
    expectProblem(wrongMethod, 405, 'method_not_allowed', `${TICKETS}/616828/actions/close`);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await post(`${TICKETS}/616828`)).headers.get('allow')).toBe('GET');
  });
});

describe('hostup v2 list tickets', () => {
  const page = (query: string, key?: string | null) => get(`${TICKETS}${query}`, key);
  /** Every summary of one list, page by page: `query` plus each nextCursor; and how many pages it took. */
  const walk = async (query: string, key?: string | null) => {
    const seen: any[] = [];
    let pages = 0;
    for (let cursor: string | null = ''; cursor !== null; pages += 1) {
      const next = await page(`${query}${cursor === '' ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, key);
      expect(next.status).toBe(200);
      seen.push(...next.body.data);
      cursor = next.body.nextCursor;
    }
    return { seen, pages };
  };
  const numbersOf = (summaries: any[]) => summaries.map((ticket) => ticket.number);
  /** Newest created first; of one second, the higher number first. */
  const inListOrder = (summaries: any[]) =>
    [...summaries].sort(
      (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || Number(b.number) - Number(a.number),
    );

  it('pages through every ticket of the caller, newest first, 20 by default, each once', async () => {
    const first = await page('');
    expect(first.status).toBe(200);
    expect(keysOf(first.body)).toEqual(['data', 'nextCursor']);
    expect(first.body.data).toHaveLength(20);
    expect(keysOf(first.body.data[0])).toEqual(keysOf(hostupFixture('v2-list-tickets.json').data[0]));
    expect(first.body.data[0]).toMatchObject({ number: '644513', createdAt: '2026-02-08T17:26:50Z', status: 'closed' });
    const seen: any[] = [...first.body.data];
    let pages = 1;
    for (let cursor: string | null = first.body.nextCursor; cursor !== null; pages += 1) {
      const next = await page(`?limit=7&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...next.body.data);
      cursor = next.body.nextCursor;
    }
    // 91 tickets: 20, then ten pages of 7 and one of 1.
    expect(pages).toBe(12);
    expect(seen).toHaveLength(91);
    expect(numbersOf(seen).sort()).toEqual([...sandbox.ticketNumbers('hostup')].sort());
    expect(numbersOf(seen)).toEqual(numbersOf(inListOrder(seen)));
  });

  it("holds every v2 status among the primary tenant's 91 tickets: 55 not closed, 36 closed", async () => {
    const { seen } = await walk('?limit=100');
    const byStatus: Record<string, number> = {};
    for (const ticket of seen) byStatus[ticket.status] = (byStatus[ticket.status] ?? 0) + 1;
    expect(byStatus).toEqual({
      open: 11,
      answered: 13,
      customer_reply: 16,
      in_progress: 7,
      on_hold: 4,
      unknown: 4,
      closed: 36,
    });
  });

  it('breaks a tie of one creation second by the higher number first, across a page boundary too', async () => {
    const { seen } = await walk('?limit=100');
    const at = numbersOf(seen).indexOf('612450');
    expect(numbersOf(seen).slice(at, at + 2)).toEqual(['612450', '612449']);
    expect(seen[at].createdAt).toBe(seen[at + 1].createdAt);
    const split = await walk(`?limit=${at + 1}`);
    expect(numbersOf(split.seen)).toEqual(numbersOf(seen));
  });

  it('ends with a null nextCursor, and gives the other tenant only its own tickets', async () => {
    const first = await page('?limit=50');
    expect(first.body.nextCursor).not.toBeNull();
    const last = await page(`?limit=50&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect([last.body.data.length, last.body.nextCursor]).toEqual([41, null]);
    expect((await page('?limit=100')).body).toMatchObject({ data: { length: 91 }, nextCursor: null });
    const other = await page('?limit=100', sandbox.otherKeys.hostup);
    expect(numbersOf(other.body.data).sort()).toEqual([...sandbox.ticketNumbers('hostup', 'other')].sort());
    expect(other.body.nextCursor).toBeNull();
  });

  it('pages through one status with its cursors: 36 closed in pages of 10', async () => {
    const closed = await walk('?status=closed&limit=10');
    expect([closed.seen.length, closed.pages]).toEqual([36, 4]);
    expect(closed.seen.every((ticket: any) => ticket.status === 'closed')).toBe(true);
    expect(numbersOf(closed.seen)).toEqual(numbersOf(inListOrder(closed.seen)));
    const onHold = await walk('?status=on_hold&limit=3');
    expect(numbersOf(onHold.seen)).toEqual(['638182', '625649', '613160', '600337']);
  });

  it('filters by department slug', async () => {
    const billing = (await page('?departmentSlug=billing&limit=100')).body.data;
    expect(billing.length).toBeGreaterThan(0);
    expect(billing.every((ticket: any) => ticket.departmentName === 'Ekonomi')).toBe(true);
  });

  it('answers 400 invalid_request naming each bad parameter', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?status=Open', 'status'],
      ['?cursor=not-a-cursor', 'cursor'],
    ]) {
      const answer = await page(query!);
      expectProblem(answer, 400, 'invalid_request', TICKETS);
      expect(answer.body.errors.map((error: any) => error.field)).toEqual([field]);
    }
  });

  it('refuses a cursor with filters other than those it was issued for', async () => {
    const closed = (await page('?status=closed&limit=5')).body.nextCursor;
    for (const query of ['?limit=5', '?status=open&limit=5', '?status=closed&departmentSlug=billing&limit=5']) {
      const answer = await page(`${query}&cursor=${encodeURIComponent(closed)}`);
      expectProblem(answer, 400, 'invalid_request', TICKETS);
      expect(answer.body.errors.map((error: any) => error.field)).toEqual(['cursor']);
    }
    expect((await page(`?status=closed&limit=5&cursor=${encodeURIComponent(closed)}`)).status).toBe(200);
  });

  it('answers 401 without the token, and an injected 403, 429 or 500 at the list as a problem', async () => {
    expectProblem(await page('', null), 401, 'unauthorized', TICKETS);
    sandbox.setFault('hostup', { status: 403, path: /\/tickets$/, times: 1 });
    expectProblem(await page('?limit=5'), 403, 'forbidden', TICKETS);
    sandbox.setFault('hostup', { status: 429, retryAfter: 7, path: /\/tickets$/, times: 1 });
    const limited = await page('?limit=5');
    expectProblem(limited, 429, 'rate_limited', TICKETS);
    expect(limited.headers.get('retry-after')).toBe('7');
    sandbox.setFault('hostup', { status: 500, path: /\/tickets$/, times: 1 });
    expectProblem(await page('?limit=5'), 500, 'internal_error', TICKETS);
    expect((await get(`${TICKETS}/616828`)).status).toBe(200);
    expect((await page('?limit=5')).status).toBe(200);
  });

  it('records each list call with its query', async () => {
    await page('?limit=5&status=closed');
    expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([
      ['GET', `${TICKETS}?limit=5&status=closed`],
    ]);
  });

  it('shows the tickets seeded after the first thirty through both APIs alike', async () => {
    for (const [number, legacyStatus, v2Status] of [
      ['638182', 'On-Hold', 'on_hold'],
      ['642167', 'Awaiting-Vendor', 'unknown'],
      ['612450', 'Open', 'open'],
    ]) {
      const old = await legacy(number!);
      const now = (await get(`${TICKETS}/${number}`)).body;
      expect([old.status, now.status, now.number, now.subject]).toEqual([legacyStatus, v2Status, number, old.subject]);
    }
  });

  it('lists a ticket as a write left it', async () => {
    await post(`${TICKETS}/638182/actions/close`);
    const closed = numbersOf((await walk('?status=closed&limit=100')).seen);
    expect([closed.length, closed.includes('638182')]).toEqual([37, true]);
  });
});

describe('hostup v2 writes', () => {
  it('adds a message that later reads show, through both APIs', async () => {
    const number = await seeded((status) => status !== 'Closed');
    const before = (await get(`${TICKETS}/${number}`)).body;
    const answer = await post(`${TICKETS}/${before.id}/messages`, {
      message: 'Tack, vi testar igen.',
      encrypted: false,
    });
    expect(answer.status).toBe(201);
    expect(keysOf(answer.body)).toEqual(keysOf(hostupFixture('v2-post-message.json')));
    expect(answer.body).toMatchObject({
      ticketId: before.id,
      body: 'Tack, vi testar igen.',
      sender: 'customer',
      senderName: before.requesterName,
      encrypted: false,
      attachments: [],
    });
    const after = (await get(`${TICKETS}/${number}`)).body;
    expect(after.messages.at(-1)).toEqual(answer.body);
    expect(after).toMatchObject({
      status: 'customer_reply',
      messageCount: before.messageCount + 1,
      lastMessageAt: answer.body.sentAt,
    });
    const old = await legacy(number);
    expect(old.replies.at(-1)).toMatchObject({ body: 'Tack, vi testar igen.', type: 'Client', name: old.name });
    expect(old.status).toBe('Client-Reply');
  });

  it('keeps the encrypted flag a message was posted with', async () => {
    const number = await seeded((status) => status !== 'Closed');
    await post(`${TICKETS}/${number}/messages`, { message: 'Lösenordet är …', encrypted: true });
    expect((await get(`${TICKETS}/${number}`)).body.messages.at(-1)).toMatchObject({ encrypted: true });
  });

  it('refuses a message to a closed ticket with 409 ticket_closed, adding nothing', async () => {
    const number = await seeded((status) => status === 'Closed');
    const before = (await get(`${TICKETS}/${number}`)).body;
    expectProblem(
      await post(`${TICKETS}/${number}/messages`, { message: 'Hej?' }),
      409,
      'ticket_closed',
      `${TICKETS}/${number}/messages`,
    );
    expect((await get(`${TICKETS}/${number}`)).body).toEqual(before);
  });

  it('answers 400 invalid_request for a missing or blank message, or a non-boolean encrypted', async () => {
    for (const [body, fields] of [
      [{}, ['message']],
      [{ message: '   ' }, ['message']],
      [{ message: 'Hej', encrypted: 'no' }, ['encrypted']],
      ['not json', ['message']],
    ] as const) {
      const answer = await post(`${TICKETS}/616828/messages`, body);
      expectProblem(answer, 400, 'invalid_request', `${TICKETS}/616828/messages`);
      expect(answer.body.errors.map((error: any) => error.field)).toEqual(fields);
    }
  });

  it('closes an open ticket, which later reads and the legacy API show, and refuses to close it again', async () => {
    const number = await seeded((status) => status !== 'Closed');
    const closed = await post(`${TICKETS}/${number}/actions/close`);
    expect(closed.status).toBe(200);
    expect(keysOf(closed.body)).toEqual(keysOf(hostupFixture('v2-get-ticket.json')));
    expect(closed.body).toMatchObject({ number, status: 'closed' });
    expect((await get(`${TICKETS}/${number}`)).body.status).toBe('closed');
    const old = await legacy(number);
    expect(old.status).toBe('Closed');
    expect(old.resolve_date).not.toBe('0000-00-00 00:00:00');
    expectProblem(
      await post(`${TICKETS}/${number}/actions/close`),
      409,
      'ticket_closed',
      `${TICKETS}/${number}/actions/close`,
    );
  });

  it('reopens a closed ticket and answers it refreshed; an open one is 409 ticket_not_closed', async () => {
    const number = await seeded((status) => status === 'Closed');
    const reopened = await post(`${TICKETS}/${number}/actions/reopen`);
    expect(reopened).toMatchObject({ status: 200, body: { number, status: 'open' } });
    expect((await legacy(number)).status).toBe('Open');
    expect((await get(`${TICKETS}/${number}`)).body.status).toBe('open');
    expectProblem(
      await post(`${TICKETS}/${number}/actions/reopen`),
      409,
      'ticket_not_closed',
      `${TICKETS}/${number}/actions/reopen`,
    );
    expect((await post(`${TICKETS}/${number}/messages`, { message: 'Nu igen.' })).status).toBe(201);
  });

  it('restores every ticket on reset', async () => {
    const number = await seeded((status) => status !== 'Closed');
    const before = (await get(`${TICKETS}/${number}`)).body;
    await post(`${TICKETS}/${number}/messages`, { message: 'Hej', encrypted: true });
    await post(`${TICKETS}/${number}/actions/close`);
    sandbox.reset();
    expect((await get(`${TICKETS}/${number}`)).body).toEqual(before);
    await post(`${TICKETS}/${number}/messages`, { message: 'Hej igen' });
    expect((await get(`${TICKETS}/${number}`)).body.messages.at(-1)).toMatchObject({ encrypted: false });
  });

  it('answers 401 and 404 on writes as on reads', async () => {
    expectProblem(
      await post(`${TICKETS}/616828/actions/close`, undefined, null),
      401,
      'unauthorized',
      `${TICKETS}/616828/actions/close`,
    );
    const other = sandbox.ticketNumbers('hostup', 'other')[0]!;
    expectProblem(
      await post(`${TICKETS}/${other}/messages`, { message: 'Hej' }),
      404,
      'not_found',
      `${TICKETS}/${other}/messages`,
    );
  });

  it('records each call like any other, body included', async () => {
    await post(`${TICKETS}/616828/messages`, { message: 'Hej', encrypted: false });
    await get(`${TICKETS}/616828`);
    expect(sandbox.calls('hostup')).toBe(2);
    expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([
      ['POST', `${TICKETS}/616828/messages`],
      ['GET', `${TICKETS}/616828`],
    ]);
    expect(JSON.parse(sandbox.requests[0]!.body)).toEqual({ message: 'Hej', encrypted: false });
  });
});

describe('hostup v2 faults', () => {
  it('answers an injected 429 as a problem with Retry-After and the X-RateLimit-* headers', async () => {
    sandbox.setFault('hostup', { status: 429, retryAfter: 30 });
    const limited = await get(`${TICKETS}/616828`);
    expectProblem(limited, 429, 'rate_limited', `${TICKETS}/616828`);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('120');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 29);
  });

  it('answers injected 403 and 500 as problems at v2 routes, and in the legacy shape at legacy ones', async () => {
    sandbox.setFault('hostup', { status: 403 });
    expectProblem(await post(`${TICKETS}/616828/actions/reopen`), 403, 'forbidden', `${TICKETS}/616828/actions/reopen`);
    expect((await call(`${sandbox.urls.hostup}/api/support/tickets/616828`)).body).toMatchObject({
      error: 'Forbidden',
      code: 'ACCOUNT_SUSPENDED',
    });
    sandbox.setFault('hostup', { status: 500 });
    expectProblem(await get(`${TICKETS}/616828`), 500, 'internal_error', `${TICKETS}/616828`);
  });

  it('answers a fault with the code it names', async () => {
    sandbox.setFault('hostup', { status: 404, code: 'route_not_found' });
    expectProblem(
      await post(`${TICKETS}/616828/actions/close`),
      404,
      'route_not_found',
      `${TICKETS}/616828/actions/close`,
    );
  });

  it('can fault the close action alone: reads pass, and only the close calls count against times', async () => {
    sandbox.setFault('hostup', { status: 405, path: /\/actions\/close$/, times: 1 });
    expect((await get(`${TICKETS}/616828`)).status).toBe(200);
    expect((await post(`${TICKETS}/616828/messages`, { message: 'Hej' })).status).toBe(201);
    expectProblem(
      await post(`${TICKETS}/616828/actions/close`),
      405,
      'method_not_allowed',
      `${TICKETS}/616828/actions/close`,
    );
    expect((await post(`${TICKETS}/616828/actions/close`)).status).toBe(200);
  });

  it('can drop the connection of the message posts alone', async () => {
    sandbox.setFault('hostup', { kind: 'reset', path: /\/messages$/g });
    expect((await get(`${TICKETS}/616828`)).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(post(`${TICKETS}/616828/messages`, { message: 'Hej' })).rejects.toThrow();
    }
  });
});
