import { checked } from '../checked.js';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../src/domain/model.js';
import { toTicket } from '../../../../src/providers/keliweb/mapper.js';
import { keliwebTicketShape, type KeliwebTicket } from '../../../../src/providers/keliweb/payload.js';
import { itLandsEveryLeaf, RAW, type Landing } from '../seed-landing.js';
import { keliwebFixture } from './fixtures.js';

const OPTIONS = { timezone: 'Europe/Rome', fetchedAt: '2025-04-01T12:06:03.000Z' };
const example = () => keliwebFixture('get-ticket.example.json');
const parse = (body: unknown): KeliwebTicket => checked(keliwebTicketShape, body);
const map = (changes: Record<string, unknown> = {}, options = OPTIONS): Ticket =>
  toTicket(parse({ ...example(), ...changes }), options);
const replies = (): Record<string, unknown>[] => example().replies.reply;
const withReplies = (reply: Record<string, unknown>[]) => map({ replies: { reply } });

const file = (id: string, filename: string) => ({ id, filename, url: null, size: null, contentType: null });
const CYNTHIA = { name: 'Cynthia Reilly', email: null, isStaff: false };
const DEMO_ADMIN = { name: 'Demo Admin', email: null, isStaff: true };
const OPENING = 'Hey, \r\n\r\nThis is the first ticket message!\r\n\r\nThanks\r\n\r\nCynthia';
const ADMIN_REPLY = 'Hello, \r\n\r\nThis is the first ticket reply by an admin user!\r\n\r\nThanks\r\n\r\nDemo Admin';
const SECOND_REPLY = 'Hey, \r\n\r\nThis is a second reply!\r\n\r\nThanks\r\n\r\nCynthia';

const LANDING: Landing = {
  result: RAW,
  ticketid: RAW,
  tid: [(t) => t.number, '516757'],
  c: RAW,
  deptid: RAW,
  deptname: [(t) => t.department, 'Sample Support Department'],
  userid: RAW,
  contactid: RAW,
  name: [(t) => t.requester, CYNTHIA],
  email: [(t) => t.requester?.email, null],
  cc: RAW,
  date: [(t) => t.createdAt, '2016-01-01T06:26:29+01:00'],
  subject: [(t) => t.subject, 'This is a sample ticket'],
  status: [(t) => [t.status, t.statusText], ['CLOSED', 'Closed']],
  priority: [(t) => [t.priority, t.priorityText], ['MEDIUM', 'Medium']],
  admin: RAW,
  lastreply: [(t) => [t.lastReplyAt, t.updatedAt], ['2016-01-01T06:30:16+01:00', '2016-01-01T06:30:16+01:00']],
  // The id of the admin the ticket is flagged to, with no name: no assignee.
  flag: [(t) => t.assignee, null],
  service: RAW,
  'replies.reply[].replyid': [(t) => t.replies.map((r) => r.id), ['1', '2']],
  'replies.reply[].userid': [(t) => t.replies[1]?.author, CYNTHIA],
  'replies.reply[].contactid': [(t) => t.replies[1]?.author, CYNTHIA],
  'replies.reply[].name': [(t) => t.replies.map((r) => r.author?.name), ['Demo Admin', 'Cynthia Reilly']],
  'replies.reply[].email': [(t) => t.replies.map((r) => r.author?.email), [null, null]],
  'replies.reply[].date': [
    (t) => t.replies.map((r) => r.createdAt),
    ['2016-01-01T06:27:01+01:00', '2016-01-01T06:30:16+01:00'],
  ],
  'replies.reply[].message': [(t) => [t.body, ...t.replies.map((r) => r.body)], [OPENING, ADMIN_REPLY, SECOND_REPLY]],
  'replies.reply[].attachment': [(t) => [t.attachments, ...t.replies.map((r) => r.attachments)], [[], [], []]],
  'replies.reply[].admin': [(t) => t.replies.map((r) => r.author?.isStaff), [true, false]],
  'replies.reply[].rating': RAW,
  'notes.note[].noteid': [(t) => t.notes.map((n) => n.id), ['1']],
  'notes.note[].date': [(t) => t.notes.map((n) => n.createdAt), ['2016-01-01T06:26:42+01:00']],
  'notes.note[].message': [(t) => t.notes.map((n) => n.body), ['This is a ticket note']],
  'notes.note[].admin': [(t) => t.notes.map((n) => n.author), [DEMO_ADMIN]],
};

describe('Keliweb toTicket on the seed example', () => {
  const ticket = toTicket(parse(example()), OPTIONS);

  it('maps the normalised fields', () => {
    expect({ ...ticket, raw: undefined }).toEqual({
      provider: 'keliweb',
      number: '516757',
      subject: 'This is a sample ticket',
      body: OPENING,
      bodyFormat: 'TEXT',
      status: 'CLOSED',
      statusText: 'Closed',
      priority: 'MEDIUM',
      priorityText: 'Medium',
      createdAt: '2016-01-01T06:26:29+01:00',
      updatedAt: '2016-01-01T06:30:16+01:00',
      lastReplyAt: '2016-01-01T06:30:16+01:00',
      closedAt: null,
      requester: CYNTHIA,
      assignee: null,
      department: 'Sample Support Department',
      tags: [],
      url: null,
      notes: [{ id: '1', createdAt: '2016-01-01T06:26:42+01:00', body: 'This is a ticket note', author: DEMO_ADMIN }],
      replies: [
        {
          id: '1',
          createdAt: '2016-01-01T06:27:01+01:00',
          body: ADMIN_REPLY,
          bodyFormat: 'TEXT',
          author: DEMO_ADMIN,
          attachments: [],
        },
        {
          id: '2',
          createdAt: '2016-01-01T06:30:16+01:00',
          body: SECOND_REPLY,
          bodyFormat: 'TEXT',
          author: CYNTHIA,
          attachments: [],
        },
      ],
      attachments: [],
      raw: undefined,
      fetchedAt: OPTIONS.fetchedAt,
    });
  });

  it('keeps the whole answer as received in raw', () => {
    expect(ticket.raw).toEqual(example());
  });

  itLandsEveryLeaf(example(), ticket, LANDING);
});

describe('Keliweb status and priority', () => {
  it.each([
    ['Open', 'OPEN'],
    ['Answered', 'WAITING_ON_CUSTOMER'],
    ['Customer-Reply', 'OPEN'],
    ['In Progress', 'IN_PROGRESS'],
    ['On Hold', 'ON_HOLD'],
    ['Closed', 'CLOSED'],
    ['closed', 'CLOSED'],
    ['On-Hold', 'ON_HOLD'],
    ['Awaiting Parts', 'UNKNOWN'],
    ['Escalated', 'UNKNOWN'],
  ])('maps status %j to %s and keeps the word', (word, status) => {
    expect(map({ status: word })).toMatchObject({ status, statusText: word });
  });

  it('maps an empty status to UNKNOWN without a word', () => {
    expect(map({ status: '' })).toMatchObject({ status: 'UNKNOWN', statusText: null });
  });

  it.each([
    ['Low', 'LOW'],
    ['Medium', 'MEDIUM'],
    ['High', 'HIGH'],
    ['Urgent', 'URGENT'],
    ['high', 'HIGH'],
    ['Critical', null],
    ['', null],
  ])('maps priority %j to %s', (word, priority) => {
    expect(map({ priority: word })).toMatchObject({ priority, priorityText: word === '' ? null : word });
  });
});

describe('Keliweb dates', () => {
  it.each([
    ['winter in Rome', 'Europe/Rome', '2016-01-01 06:26:29', '2016-01-01T06:26:29+01:00'],
    ['summer in Rome', 'Europe/Rome', '2025-07-15 08:00:00', '2025-07-15T08:00:00+02:00'],
    ['another configured zone', 'Asia/Tokyo', '2016-01-01 06:26:29', '2016-01-01T06:26:29+09:00'],
    ['WHMCS\'s all-zero "never"', 'Europe/Rome', '0000-00-00 00:00:00', null],
    ['an empty date', 'Europe/Rome', '', null],
  ])('reads %s', (_, timezone, text, iso) => {
    expect(map({ date: text }, { ...OPTIONS, timezone }).createdAt).toBe(iso);
  });

  it('takes the latest of opening, last reply and every reply as updatedAt', () => {
    const late = { ...replies()[1], date: '2016-01-02 09:00:00' };
    expect(withReplies([replies()[0]!, late]).updatedAt).toBe('2016-01-02T09:00:00+01:00');
  });

  it.each([['01/01/2016 06:30'], ['1451626216'], ['1451626216000']])(
    'refuses %j, a date in another format or epoch digits',
    (lastreply) => {
      expect(keliwebTicketShape.safeParse({ ...example(), lastreply }).success).toBe(false);
    },
  );
});

describe('Keliweb replies', () => {
  it('maps the same ticket whatever repliessort was (ASC or DESC)', () => {
    const ascending = map();
    const descending = withReplies([...replies()].reverse());
    expect({ ...descending, raw: null }).toEqual({ ...ascending, raw: null });
  });

  it('takes the earliest message as the body when there is no reply "0"', () => {
    const ticket = withReplies(replies().slice(1).reverse());
    expect(ticket.body).toBe(ADMIN_REPLY);
    expect(ticket.replies.map((reply) => reply.id)).toEqual(['2']);
  });

  it("has no body and no replies when replies is PHP's []", () => {
    expect(map({ replies: [] })).toMatchObject({ body: null, replies: [], attachments: [] });
  });

  it('names a staff reply by its own name when it has one', () => {
    const reply = { ...replies()[1], name: 'Marco Bianchi', email: 'marco@keliweb.it' };
    expect(withReplies([replies()[0]!, reply]).replies[0]?.author).toEqual({
      name: 'Marco Bianchi',
      email: 'marco@keliweb.it',
      isStaff: true,
    });
  });

  it.each([
    [
      'its own name and e-mail',
      { name: 'Niccolò Bertè', email: 'n@x.it', contactid: '14' },
      { name: 'Niccolò Bertè', email: 'n@x.it', isStaff: false },
    ],
    ["nothing, by the ticket's user and contact", {}, CYNTHIA],
    ['nothing, by another contact', { contactid: '14' }, { name: null, email: null, isStaff: false }],
    ['nothing, by another user', { userid: '2' }, { name: null, email: null, isStaff: false }],
  ])('names a customer reply with %s', (_, changes, author) => {
    expect(withReplies([replies()[0]!, { ...replies()[2], ...changes }]).replies[0]?.author).toEqual(author);
  });

  it("splits |-separated attachments; the opening message's are the ticket's", () => {
    const [opening, first, second] = replies();
    const ticket = withReplies([
      { ...opening, attachment: '123456_screenshot.png|654321_log accessi.txt' },
      { ...first, attachment: '' },
      { ...second, attachment: 'fattura.pdf| |' },
    ]);
    expect(ticket.attachments).toEqual([file('0-0', 'screenshot.png'), file('0-1', 'log accessi.txt')]);
    expect(ticket.replies.map((reply) => reply.attachments)).toEqual([[], [file('2-0', 'fattura.pdf')]]);
  });
});

describe('Keliweb attachment names', () => {
  it("names each file as uploaded, WHMCS's six-digit prefix and `_` dropped; the stored names stay in raw", () => {
    const answer = keliwebFixture('get-ticket.attachments.json');
    const ticket = toTicket(parse(answer), OPTIONS);
    expect(ticket.attachments).toEqual([file('0-0', 'invoice.pdf'), file('0-1', 'screenshot_errore.png')]);
    expect(ticket.replies.map((reply) => reply.attachments)).toEqual([
      [file('1-0', 'guida-dns.pdf')],
      [file('2-0', 'log accessi 2016.txt')],
    ]);
    expect(ticket.raw).toEqual(answer);
    expect(
      (ticket.raw as typeof answer).replies.reply.map((reply: { attachment: string }) => reply.attachment),
    ).toEqual([
      '482913_invoice.pdf|051766_screenshot_errore.png',
      '930104_guida-dns.pdf',
      '117245_log accessi 2016.txt',
    ]);
  });

  it.each([
    ['a name without a prefix', 'fattura.pdf', 'fattura.pdf'],
    ['five digits', '48291_invoice.pdf', '48291_invoice.pdf'],
    ['seven digits', '4829131_invoice.pdf', '4829131_invoice.pdf'],
    ['six letters', 'abcdef_invoice.pdf', 'abcdef_invoice.pdf'],
    ['six digits and a dash', '482913-invoice.pdf', '482913-invoice.pdf'],
    ['six non-ASCII digits', '٤٨٢٩١٣_invoice.pdf', '٤٨٢٩١٣_invoice.pdf'],
    ['nothing after the prefix', '482913_', '482913_'],
    ['an uploaded name that itself starts like a prefix', '482913_123456_scan.pdf', '123456_scan.pdf'],
  ])('strips the prefix only where the stored name has its shape: %s', (_, stored, filename) => {
    const [opening] = replies();
    expect(withReplies([{ ...opening, attachment: stored }]).attachments).toEqual([file('0-0', filename)]);
  });
});

describe('Keliweb notes and numbers', () => {
  it("has no notes when notes is PHP's []", () => {
    expect(map({ notes: [] }).notes).toEqual([]);
  });

  it('reads values WHMCS sent as numbers', () => {
    const ticket = map({
      ticketid: 1,
      tid: 516757,
      userid: 1,
      notes: { note: [{ noteid: 7, date: '', message: 'x', admin: 'A' }] },
    });
    expect(ticket.number).toBe('516757');
    expect(ticket.notes[0]).toMatchObject({ id: '7', createdAt: null });
  });

  it.each([
    ['tid over ticketnum', { tid: '516757', ticketnum: '999' }, '516757'],
    ['ticketnum when there is no tid', { tid: undefined, ticketnum: 'ABC-123456' }, 'ABC-123456'],
  ])('takes %s as the number', (_, changes, number) => {
    expect(map(changes).number).toBe(number);
  });
});
