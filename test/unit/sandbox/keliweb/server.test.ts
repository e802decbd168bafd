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
