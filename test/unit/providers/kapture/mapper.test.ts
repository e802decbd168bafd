import { checked } from '../checked.js';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../src/domain/model.js';
import { toTicket } from '../../../../src/providers/kapture/mapper.js';
import { textFormatOf } from '../../../../src/providers/kit/text-format.js';
import { kaptureTicketShape, type KaptureTicket } from '../../../../src/providers/kapture/payload.js';
import { parseKaptureDate } from '../../../../src/providers/kapture/timestamps.js';
import { itLandsEveryLeaf, RAW, type Landing } from '../seed-landing.js';
import { kaptureFixture } from './fixtures.js';

const OPTIONS = { timezone: 'Asia/Kolkata', fetchedAt: '2025-04-01T12:06:03.000Z' };
const example = () => kaptureFixture('get-ticket.example.json')[0];
const parse = (body: unknown): KaptureTicket => checked(kaptureTicketShape, body);
const map = (changes: Record<string, unknown> = {}, options = OPTIONS): Ticket =>
  toTicket(parse({ ...example(), task_details: { ...example().task_details, ...changes } }), options);

const ASSIGNEE = { name: "Kapture Dev API's", email: null, isStaff: true };
const URL_OF_TICKET = 'https://devapi.kapturecrm.com/employee/view-task-detail.html?detail=5/530348198/713516551148';
const LANDING: Landing = {
  // Undocumented (docs/providers/kapture.md): kept in raw.
  additional_info: RAW,
  history: RAW,
  'task_details.date': [(t) => t.createdAt, '2024-04-19T14:19:00+05:30'],
  'task_details.tat': RAW,
  'task_details.sla': RAW,
  'task_details.status': [(t) => [t.status, t.statusText], ['OPEN', 'Pending']],
  'task_details.nextFollowUp': RAW,
  'task_details.lastFollowUp': [(t) => t.updatedAt, '2024-04-22T14:31:00+05:30'],
  'task_details.taskId': RAW,
  'task_details.email': [(t) => t.requester, null],
  'task_details.phone': [(t) => t.requester, null],
  'task_details.lastSource': RAW,
  'task_details.lastConvesationTime': [(t) => t.lastReplyAt, '2024-04-19T14:19:00+05:30'],
  'task_details.title': [(t) => t.subject, 'TEST 1'],
  'task_details.orderId': RAW,
  'task_details.primarySource': RAW,
  'task_details.ticketEmail': [(t) => t.requester, null],
  'task_details.folderId': RAW,
  'task_details.ticketId': [(t) => t.number, '713516551148'],
  'task_details.detail': [(t) => [t.body, t.bodyFormat], [null, 'TEXT']],
  'task_details.mergedTicketId': RAW,
  'task_details.contactId': RAW,
  'task_details.productId': RAW,
  'task_details.creatorId': RAW,
  'task_details.customerId': RAW,
  'task_details.assignedId': [(t) => t.assignee, ASSIGNEE],
  'task_details.creatorName': RAW,
  'task_details.priority': [(t) => [t.priority, t.priorityText], ['LOW', 'low']],
  'task_details.attachment': [(t) => t.attachments, []],
  'task_details.pendingTaskId': RAW,
  'task_details.ticketCloseEmpId': RAW,
  'task_details.assignedToName': [(t) => t.assignee?.name, "Kapture Dev API's"],
  'task_details.callBack': RAW,
  'task_details.queueKey': RAW,
  'task_details.customer_rating': RAW,
  'task_details.lastConversationId': RAW,
  'task_details.slaStatus': RAW,
  'task_details.queueName': [(t) => t.department, null],
  'task_details.total_conversations': RAW,
  'task_details.disposition': RAW,
  'task_details.taskEnddate': [(t) => t.closedAt, null],
  'task_details.customer_feedback': RAW,
  'task_details.url': [(t) => t.url, URL_OF_TICKET],
  'task_details.substatus': [(t) => t.statusText, 'Pending'],
  'task_details.substatusKey': RAW,
  'task_details.assigneeCode': RAW,
  'task_details.ftr': RAW,
  'task_details.attachments': [(t) => t.attachments, []],
};

describe('Kapture toTicket on the seed example', () => {
  const ticket = toTicket(parse(example()), OPTIONS);

  it('maps the normalised fields', () => {
    expect({ ...ticket, raw: undefined }).toEqual({
      provider: 'kapture',
      number: '713516551148',
      subject: 'TEST 1',
      body: null,
      bodyFormat: 'TEXT',
      status: 'OPEN',
      statusText: 'Pending',
      priority: 'LOW',
      priorityText: 'low',
      createdAt: '2024-04-19T14:19:00+05:30',
      updatedAt: '2024-04-22T14:31:00+05:30',
      lastReplyAt: '2024-04-19T14:19:00+05:30',
      closedAt: null,
      requester: null,
      assignee: ASSIGNEE,
      department: null,
      tags: [],
      url: URL_OF_TICKET,
      notes: [],
      replies: [],
      attachments: [],
      raw: undefined,
      fetchedAt: OPTIONS.fetchedAt,
    });
  });

  it("keeps the answer's element as received in raw", () => {
    expect(ticket.raw).toEqual(example());
  });

  itLandsEveryLeaf(example(), ticket, LANDING);
});

describe('Kapture status and priority', () => {
  it.each([
    ['Pending', 'OPEN'],
    ['Complete', 'CLOSED'],
    ['Closed', 'CLOSED'],
    ['pending', 'OPEN'],
    ['P', 'OPEN'],
    ['CL', 'CLOSED'],
    ['C', 'CLOSED'],
    ['Escalated', 'UNKNOWN'],
    ['PS', 'UNKNOWN'],
  ])('maps status %j to %s and keeps the word', (word, status) => {
    expect(map({ status: word, substatus: '' })).toMatchObject({ status, statusText: word });
  });

  it.each([
    ['Pending', 'Pending', 'Pending'],
    ['Pending', 'Awaiting Customer Response', 'Pending / Awaiting Customer Response'],
    ['P', 'In Progress', 'P / In Progress'],
    ['Complete', '', 'Complete'],
    ['', 'Resolved', 'Resolved'],
  ])('words status %j with sub-status %j as %j', (status, substatus, statusText) => {
    expect(map({ status, substatus }).statusText).toBe(statusText);
  });

  it('maps an empty status to UNKNOWN', () => {
    expect(map({ status: '', substatus: '' })).toMatchObject({ status: 'UNKNOWN', statusText: null });
  });

  it.each([
    ['low', 'LOW', 'low'],
    ['Medium', 'MEDIUM', 'Medium'],
    ['HIGH', 'HIGH', 'HIGH'],
    ['urgent', 'URGENT', 'urgent'],
    [1, 'LOW', '1'],
    [2, 'MEDIUM', '2'],
    ['3', 'HIGH', '3'],
    [4, 'URGENT', '4'],
    [5, null, '5'],
    ['critical', null, 'critical'],
    ['', null, null],
  ])('maps priority %j to %s', (value, priority, priorityText) => {
    expect(map({ priority: value })).toMatchObject({ priority, priorityText });
  });
});

describe('Kapture dates', () => {
  it.each([
    ['dd-MM-yyyy HH:mm', '19-04-2024 14:19', '2024-04-19T14:19:00+05:30'],
    ['yyyy-MM-dd HH:mm:ss', '2024-04-19 14:19:05', '2024-04-19T14:19:05+05:30'],
    ['yyyy-MM-dd HH:mm', '2024-04-19 14:19', '2024-04-19T14:19:00+05:30'],
    ['epoch milliseconds', 1713516540000, '2024-04-19T14:19:00+05:30'],
    ['epoch milliseconds as a string', '1713516540000', '2024-04-19T14:19:00+05:30'],
    ['ISO-8601 without an offset', '2024-04-19T14:19:00', '2024-04-19T14:19:00+05:30'],
    ['ISO-8601 with its own offset, kept', '2024-04-19T08:49:00Z', '2024-04-19T08:49:00Z'],
    ['an empty date', '', null],
    ['0 for none', 0, null],
  ])('reads %s in the configured zone', (_, value, iso) => {
    expect(map({ date: value }).createdAt).toBe(iso);
  });

  it('reads the same local time in another configured zone', () => {
    expect(map({}, { ...OPTIONS, timezone: 'Europe/Rome' }).createdAt).toBe('2024-04-19T14:19:00+02:00');
  });

  it.each([
    ['19/04/2024 14:19'],
    ['2024-04-19'],
    ['2024-W16'],
    ['yesterday'],
    ['32-04-2024 14:19'],
    ['2024-04-19T25:00:00'],
    [-5],
    ['171351654'],
    [17135165400],
    ['171351654000'],
    [17135165400000],
    ['1713516540.5'],
  ])('refuses %j as a date', (value) => {
    expect(parseKaptureDate(value, 'Asia/Kolkata')).toBeUndefined();
    expect(kaptureTicketShape.safeParse({ task_details: { ...example().task_details, date: value } }).success).toBe(
      false,
    );
  });

  it('reads taskEnddate as closedAt of a closed ticket and takes the latest of the three dates as updatedAt', () => {
    const ticket = map({
      status: 'Closed',
      substatusKey: 'CL',
      taskEnddate: '23-04-2024 10:00',
      lastConvesationTime: '24-04-2024 09:00',
    });
    expect(ticket).toMatchObject({ closedAt: '2024-04-23T10:00:00+05:30', updatedAt: '2024-04-24T09:00:00+05:30' });
  });
});

describe('Kapture text', () => {
  it('decodes entities in the title, names and queue', () => {
    const ticket = map({
      title: 'Refund &amp; return &#8377;499',
      assignedToName: 'Rahul D&apos;Souza',
      queueName: 'L1 &gt; Refunds',
    });
    expect(ticket).toMatchObject({
      subject: 'Refund & return ₹499',
      department: 'L1 > Refunds',
      assignee: { name: "Rahul D'Souza" },
    });
  });

  it.each([
    ['plain text', 'Order not delivered.\nPlease help', 'TEXT', 'Order not delivered.\nPlease help'],
    ['escaped plain text', 'Customer&apos;s order', 'TEXT', "Customer's order"],
    ['an e-mail body', '<p>Hi &amp; thanks</p>', 'HTML', '<p>Hi &amp; thanks</p>'],
    ['a line break', 'one<br/>two', 'HTML', 'one<br/>two'],
    ['a comparison', 'price < 500 and > 100', 'TEXT', 'price < 500 and > 100'],
  ])('reads %s, %j, as %s', (_, detail, format, body) => {
    expect(textFormatOf(detail)).toBe(format);
    expect(map({ detail })).toMatchObject({ body, bodyFormat: format });
  });
});

describe('Kapture people, link and attachments', () => {
  it.each([
    ['an e-mail', { email: 'priya@example.in' }, { name: null, email: 'priya@example.in', isStaff: false }],
    [
      'only a ticket e-mail',
      { ticketEmail: 'orders@example.in' },
      { name: null, email: 'orders@example.in', isStaff: false },
    ],
    ['only a phone', { phone: '9876543210' }, { name: null, email: null, isStaff: false }],
    ['nothing', {}, null],
  ])('maps a requester with %s', (_, changes, requester) => {
    expect(map(changes).requester).toEqual(requester);
  });

  it.each([[0], ['0'], [null]])('has no assignee when assignedId is %j', (assignedId) => {
    expect(map({ assignedId }).assignee).toBeNull();
  });

  it.each([['javascript:alert(1)'], ['/employee/view-task-detail.html'], ['']])('gives no url for %j', (url) => {
    expect(map({ url }).url).toBeNull();
  });

  it('reads attachments of any plausible shape and the attachment string', () => {
    const ticket = map({
      attachments: [
        { name: 'invoice.pdf', url: 'https://files.kapturecrm.com/a/invoice.pdf', size: 2048 },
        { fileName: 'photo&amp;1.jpg', link: 'https://files.kapturecrm.com/a/photo.jpg' },
        'https://files.kapturecrm.com/a/label%20copy.png',
        'notes.txt',
        { url: 'javascript:alert(1)' },
        42,
        {},
      ],
      attachment: 'https://files.kapturecrm.com/a/old.pdf',
    });
    expect(ticket.attachments).toEqual([
      {
        id: '0',
        filename: 'invoice.pdf',
        url: 'https://files.kapturecrm.com/a/invoice.pdf',
        size: 2048,
        contentType: null,
      },
      {
        id: '1',
        filename: 'photo&1.jpg',
        url: 'https://files.kapturecrm.com/a/photo.jpg',
        size: null,
        contentType: null,
      },
      {
        id: '2',
        filename: 'label copy.png',
        url: 'https://files.kapturecrm.com/a/label%20copy.png',
        size: null,
        contentType: null,
      },
      { id: '3', filename: 'notes.txt', url: null, size: null, contentType: null },
      {
        id: 'attachment',
        filename: 'old.pdf',
        url: 'https://files.kapturecrm.com/a/old.pdf',
        size: null,
        contentType: null,
      },
    ]);
  });

  it('keeps a size only as a whole number of bytes a GraphQL Int holds', () => {
    const sizes = map({
      attachments: [
        { name: 'a', size: '4096' },
        { name: 'b', size: 3_000_000_000 },
        { name: 'c', size: 10.5 },
      ],
    }).attachments.map((file) => file.size);
    expect(sizes).toEqual([4096, null, null]);
  });

  it('does not list the attachment string twice when the list holds it', () => {
    const url = 'https://files.kapturecrm.com/a/invoice.pdf';
    expect(map({ attachments: [{ name: 'invoice.pdf', url }], attachment: url }).attachments).toHaveLength(1);
  });

  it('reads ids sent as numbers', () => {
    expect(map({ ticketId: 713516551148 }).number).toBe('713516551148');
  });
});

describe('Kapture answers its documents allow beyond the example', () => {
  const fixture = (name: string): Ticket => toTicket(parse(kaptureFixture(name)[0]), OPTIONS);

  it('decodes entities in the status word, as in titles and names', () => {
    expect(fixture('get-ticket.status-entities.json')).toMatchObject({
      status: 'UNKNOWN',
      statusText: 'On Hold & Waiting',
    });
  });

  it.each([
    ['a known word behind a numeric reference', { status: '&#67;losed', substatus: '' }, 'CLOSED', 'Closed'],
    [
      'a sub-status with entities',
      { substatus: 'Awaiting Customer &amp; Courier' },
      'OPEN',
      'Pending / Awaiting Customer & Courier',
    ],
  ])('decides and shows %s decoded', (_, changes, status, statusText) => {
    expect(map(changes)).toMatchObject({ status, statusText });
  });

  it('decides the priority on its decoded word', () => {
    expect(map({ priority: 'H&#105;gh' })).toMatchObject({ priority: 'HIGH', priorityText: 'High' });
  });

  it('reads a status given only by its sub-status key CL as closed, closed at its taskEnddate', () => {
    expect(fixture('get-ticket.status-by-key.json')).toMatchObject({
      status: 'CLOSED',
      statusText: null,
      closedAt: '2024-04-23T10:05:00+05:30',
    });
  });

  it.each([
    ['an empty word', '', 'P', 'OPEN'],
    ['an empty word', '', 'CL', 'CLOSED'],
    ['a tenant word', 'Escalated', 'P', 'OPEN'],
    ['a tenant word', 'Archived', 'cl', 'CLOSED'],
    ['a tenant word', 'Escalated', 'ES', 'UNKNOWN'],
    ['an empty word', '', '', 'UNKNOWN'],
    ['a known word over its key', 'Pending', 'CL', 'OPEN'],
    ['a known word over its key', 'Closed', 'P', 'CLOSED'],
  ])('lets the sub-status key decide under %s %j: %j is %s', (_, word, substatusKey, status) => {
    expect(map({ status: word, substatus: '', substatusKey }).status).toBe(status);
  });

  it('gives a reopened (pending) ticket no closedAt; its old taskEnddate stays in raw', () => {
    const answer = kaptureFixture('get-ticket.reopened.json')[0];
    const ticket = fixture('get-ticket.reopened.json');
    expect(ticket).toMatchObject({ status: 'OPEN', statusText: 'Pending', closedAt: null });
    expect(ticket.raw).toEqual(answer);
    expect((ticket.raw as typeof answer).task_details.taskEnddate).toBe('22-04-2024 18:40');
  });

  it.each([
    ['Escalated', 'ES', null],
    ['Complete', 'RS', '2024-04-23T10:05:00+05:30'],
    ['Closed', 'CL', '2024-04-23T10:05:00+05:30'],
  ])('reads taskEnddate of a %s (%s) ticket as closedAt %j', (status, substatusKey, closedAt) => {
    expect(map({ status, substatusKey, taskEnddate: '23-04-2024 10:05' }).closedAt).toBe(closedAt);
  });

  it('reads 10 digits as epoch seconds and 13 as epoch milliseconds, numbers or strings', () => {
    expect(fixture('get-ticket.epoch-dates.json')).toMatchObject({
      createdAt: '2024-04-19T14:19:00+05:30',
      lastReplyAt: '2024-04-19T14:19:00+05:30',
      updatedAt: '2024-04-22T14:31:00+05:30',
    });
  });
});
