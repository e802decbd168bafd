import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';
import { KELIWEB_SEED } from '../../../../src/sandbox/keliweb/seed.js';
import { call } from '../http-calls.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const multipart = (fields: Record<string, string>): FormData => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};
const getTicket = (body: BodyInit, key: string | null = sandbox.keys.keliweb) =>
  call(`${sandbox.urls.keliweb}/api/v2/keliweb/get-ticket`, {
    method: 'POST',
    body,
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });

/** Every leaf of a WHMCS answer is a string. */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [value];
}

const withNotes = KELIWEB_SEED.find(
  (entry) => entry.owner === 'primary' && !Array.isArray(entry.ticket.notes) && entry.ticket.tid !== '516757',
)!.ticket;
const withoutNotes = KELIWEB_SEED.find(
  (entry) => entry.owner === 'primary' && Array.isArray(entry.ticket.notes),
)!.ticket;
const longThread = KELIWEB_SEED.find(
  (entry) => entry.owner === 'primary' && entry.ticket.replies.reply.length > 10,
)!.ticket;

describe('keliweb get-ticket', () => {
  it('answers the seed example for ticketid 1 sent as multipart/form-data, every value a string', async () => {
    const { status, headers, body } = await getTicket(multipart({ ticketid: '1' }));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).toMatchObject({
      result: 'success',
      ticketid: '1',
      tid: '516757',
      c: 'KPqH7yG3',
      name: 'Cynthia Reilly',
      status: 'Closed',
      date: '2016-01-01 06:26:29',
    });
    expect(Object.keys(body)).toEqual([
      'result',
      'ticketid',
      'tid',
      'c',
      'deptid',
      'deptname',
      'userid',
      'contactid',
      'name',
      'email',
      'cc',
      'date',
      'subject',
      'status',
      'priority',
      'admin',
      'lastreply',
      'flag',
      'service',
      'replies',
      'notes',
    ]);
    expect(body.replies.reply.map((reply: { replyid: string }) => reply.replyid)).toEqual(['0', '1', '2']);
    expect(body.replies.reply[1].admin).toBe('Demo Admin');
    expect(body.notes).toEqual({
      note: [{ noteid: '1', date: '2016-01-01 06:26:42', message: 'This is a ticket note', admin: 'Demo Admin' }],
    });
    for (const leaf of leaves(body)) expect(typeof leaf).toBe('string');
  });

  it('accepts application/x-www-form-urlencoded and looks tickets up by ticketnum', async () => {
    const { status, body } = await getTicket(new URLSearchParams({ ticketnum: '516757' }));
    expect(status).toBe(200);
    expect(body.ticketid).toBe('1');
  });

  it('finds a custom mask whatever the case of the ticketnum, as MySQL compares it', async () => {
    const masked = KELIWEB_SEED.find((entry) => entry.owner === 'primary' && /[a-z]/.test(entry.ticket.tid))!.ticket;
    for (const ticketnum of [masked.tid, masked.tid.toUpperCase(), masked.tid.toLowerCase()]) {
      const { status, body } = await getTicket(new URLSearchParams({ ticketnum }));
      expect(status).toBe(200);
      expect(body.tid).toBe(masked.tid);
    }
  });

  it('orders replies by date, ASC by default and DESC on request', async () => {
    const ascending = await getTicket(new URLSearchParams({ ticketnum: longThread.tid }));
    const descending = await getTicket(multipart({ ticketnum: longThread.tid, repliessort: 'DESC' }));
    const dates = ascending.body.replies.reply.map((reply: { date: string }) => reply.date);
    expect(dates.length).toBeGreaterThan(10);
    expect(dates).toEqual([...dates].sort());
    expect(ascending.body.replies.reply[0].replyid).toBe('0');
    expect(descending.body.replies.reply).toEqual([...ascending.body.replies.reply].reverse());
  });

  it('answers notes as [] when a ticket has none and as {note: [...]} otherwise', async () => {
    expect((await getTicket(multipart({ ticketnum: withoutNotes.tid }))).body.notes).toEqual([]);
    const { body } = await getTicket(multipart({ ticketnum: withNotes.tid }));
    expect(body.notes.note[0]).toEqual({
      noteid: expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      message: expect.any(String),
      admin: expect.any(String),
    });
  });

  it("answers result:error with HTTP 200 for an unknown ticket and another tenant's, by number or id", async () => {
    const other = KELIWEB_SEED.find((entry) => entry.owner === 'other')!.ticket;
    const lookups: Record<string, string>[] = [
      { ticketnum: '000001' },
      { ticketid: '999999' },
      { ticketnum: other.tid },
      { ticketid: other.ticketid },
    ];
    for (const fields of lookups) {
      expect(await getTicket(multipart(fields))).toMatchObject({
        status: 200,
        body: { result: 'error', message: 'Ticket ID Not Found' },
      });
    }
    expect((await getTicket(multipart({ ticketnum: other.tid }), sandbox.otherKeys.keliweb)).body.result).toBe(
      'success',
    );
  });

  it('answers result:error with HTTP 200 when neither ticketnum nor ticketid is given', async () => {
    for (const body of [multipart({ repliessort: 'ASC' }), new URLSearchParams({ ticketnum: '' }), 'ticketid=1']) {
      expect(await getTicket(body)).toMatchObject({
        status: 200,
        body: { result: 'error', message: 'Ticket ID or Ticket Number is required' },
      });
    }
  });

  it('answers 401 Unauthenticated. (Laravel Passport) for a missing or unknown token', async () => {
    for (const key of [null, 'expired-token']) {
      expect(await getTicket(multipart({ ticketid: '1' }), key)).toMatchObject({
        status: 401,
        body: { message: 'Unauthenticated.' },
      });
    }
  });

  it('answers Laravel 404 and 405 for an unknown route or method', async () => {
    const wrongPath = await call(`${sandbox.urls.keliweb}/api/v2/keliweb/get-tickets`, { method: 'POST' });
    expect(wrongPath).toMatchObject({
      status: 404,
      body: { message: 'The route api/v2/keliweb/get-tickets could not be found.' },
    });
    const wrongMethod = await call(`${sandbox.urls.keliweb}/api/v2/keliweb/get-ticket`);
    expect(wrongMethod).toMatchObject({
      status: 405,
      body: { message: expect.stringContaining('Supported methods: POST.') },
    });
  });

  it('answers an injected 500 with the WHMCS error body', async () => {
    sandbox.setFault('keliweb', { status: 500 });
    expect(await getTicket(multipart({ ticketid: '1' }))).toMatchObject({
      status: 500,
      body: { result: 'error', message: 'Internal Server Error' },
    });
  });
});

describe('keliweb add-ticket-reply', () => {
  const addReply = (body: BodyInit, key: string | null = sandbox.keys.keliweb) =>
    call(`${sandbox.urls.keliweb}/api/v2/keliweb/add-ticket-reply`, {
      method: 'POST',
      body,
      headers: key === null ? {} : { authorization: `Bearer ${key}` },
    });
  const open = KELIWEB_SEED.find((entry) => entry.owner === 'primary' && entry.ticket.status === 'Answered')!.ticket;

  it('adds the reply by internal ticketid, as the client, and later reads show it last in the thread', async () => {
    const message = 'Grazie, ora funziona! 🎉\r\n\r\nCynthia';
    expect(await addReply(multipart({ ticketid: open.ticketid, message }))).toMatchObject({
      status: 200,
      body: { result: 'success' },
    });
    const { body } = await getTicket(multipart({ ticketnum: open.tid }));
    const replies = body.replies.reply;
    expect(replies).toHaveLength(open.replies.reply.length + 1);
    expect(replies.at(-1)).toEqual({
      replyid: String(Math.max(...open.replies.reply.map((reply) => Number(reply.replyid))) + 1),
      userid: open.userid,
      contactid: '0',
      name: '',
      email: '',
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      message,
      attachment: '',
      admin: '',
      rating: '0',
    });
    expect(body).toMatchObject({ status: 'Customer-Reply', lastreply: replies.at(-1).date });
    sandbox.reset();
    expect((await getTicket(multipart({ ticketnum: open.tid }))).body.replies.reply).toHaveLength(
      open.replies.reply.length,
    );
  });

  it('takes a url-encoded form too, and reopens a closed ticket as Customer-Reply, as WHMCS does', async () => {
    expect((await getTicket(multipart({ ticketid: '1' }))).body.status).toBe('Closed');
    const answer = await addReply(new URLSearchParams({ ticketid: '1', message: 'Riapro: il problema è tornato.' }));
    expect(answer.body).toEqual({ result: 'success' });
    const { body } = await getTicket(multipart({ ticketid: '1' }));
    expect(body.status).toBe('Customer-Reply');
    expect(body.replies.reply.map((reply: { replyid: string }) => reply.replyid)).toEqual(['0', '1', '2', '3']);
  });

  it("answers WHMCS's errors with HTTP 200: an unknown, missing or other tenant's ticketid, a blank message", async () => {
    const other = KELIWEB_SEED.find((entry) => entry.owner === 'other')!.ticket;
    const cases: [Record<string, string>, string][] = [
      [{ ticketid: '999999', message: 'x' }, 'Ticket ID not found'],
      [{ message: 'x' }, 'Ticket ID not found'],
      [{ ticketid: other.ticketid, message: 'x' }, 'Ticket ID not found'],
      [{ ticketnum: open.tid, message: 'x' }, 'Ticket ID not found'],
      [{ ticketid: open.ticketid }, 'Message is required'],
      [{ ticketid: open.ticketid, message: ' \r\n ' }, 'Message is required'],
    ];
    for (const [fields, message] of cases) {
      expect(await addReply(multipart(fields))).toMatchObject({ status: 200, body: { result: 'error', message } });
    }
    expect((await getTicket(multipart({ ticketnum: open.tid }))).body.replies.reply).toHaveLength(
      open.replies.reply.length,
    );
    expect(
      (await addReply(multipart({ ticketid: other.ticketid, message: 'x' }), sandbox.otherKeys.keliweb)).body,
    ).toEqual({ result: 'success' });
  });

  it('answers 401 Unauthenticated. for a missing or unknown token, and an injected fault as get-ticket does', async () => {
    expect(await addReply(multipart({ ticketid: '1', message: 'x' }), null)).toMatchObject({
      status: 401,
      body: { message: 'Unauthenticated.' },
    });
    sandbox.setFault('keliweb', { status: 500, times: 1 });
    expect(await addReply(multipart({ ticketid: '1', message: 'x' }))).toMatchObject({
      status: 500,
      body: { result: 'error', message: 'Internal Server Error' },
    });
    expect(sandbox.requests.map((entry) => entry.path)).toEqual([
      '/api/v2/keliweb/add-ticket-reply',
      '/api/v2/keliweb/add-ticket-reply',
    ]);
    expect(sandbox.requests[1]!.body).toContain('name="message"');
    expect((await getTicket(multipart({ ticketid: '1' }))).body.replies.reply).toHaveLength(3);
  });

  it('gives every copy of a ticket its own internal id, so a reply lands on the copy asked for', async () => {
    const copied = await startSandbox({ copies: 30 });
    try {
      const number = copied.ticketNumbers('keliweb').find((tid) => tid.startsWith('BK-'))!;
      const form = (fields: Record<string, string>) => ({
        method: 'POST',
        body: multipart(fields),
        headers: { authorization: `Bearer ${copied.keys.keliweb}` },
      });
      const read = async () =>
        (await call(`${copied.urls.keliweb}/api/v2/keliweb/get-ticket`, form({ ticketnum: number }))).body;
      const before = await read();
      expect(before.ticketid).toBe(`9${number.slice(3)}`);
      await call(
        `${copied.urls.keliweb}/api/v2/keliweb/add-ticket-reply`,
        form({ ticketid: before.ticketid, message: 'Sulla copia' }),
      );
      expect((await read()).replies.reply.at(-1).message).toBe('Sulla copia');
    } finally {
      await copied.close();
    }
  });
});
