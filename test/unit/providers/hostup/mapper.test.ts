import { checked } from '../checked.js';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../src/domain/model.js';
import { toTicket } from '../../../../src/providers/hostup/mapper.js';
import { textFormatOf } from '../../../../src/providers/kit/text-format.js';
import { hostupSuccessShape, type HostupAnswer, type HostupTicket } from '../../../../src/providers/hostup/payload.js';
import { itLandsEveryLeaf, nestedAt, RAW, type Landing } from '../seed-landing.js';
import { hostupFixture } from './fixtures.js';

const OPTIONS = { timezone: 'Europe/Stockholm', fetchedAt: '2025-04-01T12:06:03.000Z' };
const exampleAnswer = (): HostupAnswer => checked(hostupSuccessShape, hostupFixture('get-ticket.example.json'));
const example = (): HostupTicket => exampleAnswer().data.ticket;
const map = (changes: Record<string, unknown> = {}, options = OPTIONS): Ticket =>
  toTicket(checked(hostupSuccessShape, { success: true, data: { ticket: { ...example(), ...changes } } }), options);
const reply = (changes: Record<string, unknown>) => ({ ...example().replies![0], ...changes });

const ERIK = { name: 'Erik Sjöberg', email: 'erik.sjoberg@hostup.se', isStaff: true };
const LANDING: Landing = {
  id: RAW,
  parent_id: RAW,
  date: [(t) => t.createdAt, '2025-03-04T09:12:44+01:00'],
  lastreply: [(t) => t.lastReplyAt, '2025-04-01T14:05:10+02:00'],
  lastupdate: [(t) => t.updatedAt, '2025-04-01T14:05:10+02:00'],
  lastedit: RAW,
  editby: RAW,
  ticket_number: [(t) => t.number, '616828'],
  acc_hash: RAW,
  dept_id: RAW,
  client_id: RAW,
  creator_id: RAW,
  name: [(t) => t.requester?.name, 'Åsa Lindström'],
  email: [(t) => t.requester, { name: 'Åsa Lindström', email: 'asa.lindstrom@jonkopingsbageri.se', isStaff: false }],
  cc: RAW,
  bcc: RAW,
  subject: [(t) => t.subject, 'Webbplatsen laddar långsamt sedan i morse'],
  body: [(t) => [t.body?.startsWith('Hej!\n\nVår webbplats'), t.bodyFormat], [true, 'TEXT']],
  status: [(t) => [t.status, t.statusText], ['WAITING_ON_CUSTOMER', 'Answered']],
  priority: [(t) => [t.priority, t.priorityText], ['HIGH', 'High']],
  flags: RAW,
  'tags[]': [(t) => t.tags, ['prestanda']],
  admin_read: RAW,
  client_read: RAW,
  type: RAW,
  request_type: RAW,
  senderip: RAW,
  escalated: RAW,
  sla_id: RAW,
  start_date: RAW,
  // HostBill's all-zero "never"; a close date is read only while the ticket is closed.
  resolve_date: [(t) => t.closedAt, null],
  owner_id: RAW,
  'metadata[]': RAW,
  brand_id: RAW,
  deadline: RAW,
  deptname: [(t) => t.department, 'Teknisk support'],
  viewtime: RAW,
  share: RAW,
  share_tag: RAW,
  client_group: RAW,
  status_color: RAW,
  org_deptname: RAW,
  from: RAW,
  'subscriptions[]': RAW,
  'owner.id': [(t) => t.assignee, ERIK],
  'owner.username': RAW,
  'owner.firstname': [(t) => t.assignee?.name, 'Erik Sjöberg'],
  'owner.lastname': [(t) => t.assignee?.name, 'Erik Sjöberg'],
  'owner.email': [(t) => t.assignee?.email, 'erik.sjoberg@hostup.se'],
  'owner.status': RAW,
  'replies[].id': [(t) => t.replies[0]?.id, '2950520'],
  'replies[].ticket_id': RAW,
  'replies[].replier_id': RAW,
  'replies[].name': [(t) => t.replies[0]?.author, ERIK],
  'replies[].email': [(t) => t.replies[0]?.author?.email, 'erik.sjoberg@hostup.se'],
  'replies[].date': [(t) => t.replies[0]?.createdAt, '2025-04-01T14:05:10+02:00'],
  'replies[].lastedit': RAW,
  'replies[].editby': RAW,
  'replies[].body': [(t) => [t.replies[0]?.body.startsWith('Hej Åsa!'), t.replies[0]?.bodyFormat], [true, 'TEXT']],
  'replies[].status': RAW,
  'replies[].type': [(t) => t.replies[0]?.author?.isStaff, true],
  'replies[].flags': RAW,
  'replies[].senderip': RAW,
  'replies[].rating': RAW,
  'replies[].rate_date': RAW,
  'replies[].from': RAW,
  'replies[].gravatar': RAW,
  'attachments[]': [
    (t) => t.attachments,
    [{ id: '0', filename: 'skarmdump-2025-03-04.png', url: null, size: null, contentType: null }],
  ],
  'notes[]': [
    (t) => t.notes,
    [{ id: '0', createdAt: null, body: 'Kunden har Premium-support, prioritera.', author: null }],
  ],
  number: [(t) => t.number, '616828'],
  'linkedServices[].id': RAW,
  'linkedServices[].ticketNumber': RAW,
  'linkedServices[].clientId': RAW,
  'linkedServices[].serviceType': RAW,
  'linkedServices[].serviceId': RAW,
  'linkedServices[].serviceName': RAW,
  'linkedServices[].metadata.status': RAW,
  'linkedServices[].metadata.nextDue': RAW,
  'linkedServices[].metadata.hostname': RAW,
  'linkedServices[].aiSummary': RAW,
  'linkedServices[].aiHelpful': RAW,
  'linkedServices[].createdAt': RAW,
  'linkedServices[].updatedAt': RAW,
};

describe('HostUp toTicket on the seed example', () => {
  const ticket = toTicket(exampleAnswer(), OPTIONS);

  it('maps the normalised fields', () => {
    expect({ ...ticket, raw: undefined }).toEqual({
      provider: 'hostup',
      number: '616828',
      subject: 'Webbplatsen laddar långsamt sedan i morse',
      body: 'Hej!\n\nVår webbplats jonkopingsbageri.se tar över 8 sekunder att ladda sedan i morse. Inget har ändrats hos oss.\n\nMvh\nÅsa',
      bodyFormat: 'TEXT',
      status: 'WAITING_ON_CUSTOMER',
      statusText: 'Answered',
      priority: 'HIGH',
      priorityText: 'High',
      createdAt: '2025-03-04T09:12:44+01:00',
      updatedAt: '2025-04-01T14:05:10+02:00',
      lastReplyAt: '2025-04-01T14:05:10+02:00',
      closedAt: null,
      requester: { name: 'Åsa Lindström', email: 'asa.lindstrom@jonkopingsbageri.se', isStaff: false },
      assignee: ERIK,
      department: 'Teknisk support',
      tags: ['prestanda'],
      url: null,
      notes: [{ id: '0', createdAt: null, body: 'Kunden har Premium-support, prioritera.', author: null }],
      replies: [
        {
          id: '2950520',
          createdAt: '2025-04-01T14:05:10+02:00',
          body: 'Hej Åsa!\n\nVi har startat om PHP-FPM och tömt cachen. Kan du testa igen?\n\nMed vänliga hälsningar\nHostUp Support',
          bodyFormat: 'TEXT',
          author: ERIK,
          attachments: [],
        },
      ],
      attachments: [{ id: '0', filename: 'skarmdump-2025-03-04.png', url: null, size: null, contentType: null }],
      raw: undefined,
      fetchedAt: OPTIONS.fetchedAt,
    });
  });

  it('keeps the whole answer as received in raw, envelope included', () => {
    expect(ticket.raw).toEqual(hostupFixture('get-ticket.example.json'));
  });

  itLandsEveryLeaf(hostupFixture('get-ticket.example.json'), ticket, {
    success: RAW,
    timestamp: RAW,
    requestId: RAW,
    ...nestedAt('data.ticket', LANDING),
  });

  it("shows the customer's IP address nowhere outside raw", () => {
    expect(JSON.stringify({ ...ticket, raw: null })).not.toContain('198.51.100.23');
  });
});

describe('HostUp status and priority', () => {
  it.each([
    ['Open', 'OPEN'],
    ['Answered', 'WAITING_ON_CUSTOMER'],
    ['Client-Reply', 'OPEN'],
    ['In-Progress', 'IN_PROGRESS'],
    ['On-Hold', 'ON_HOLD'],
    ['Closed', 'CLOSED'],
    ['open', 'OPEN'],
    ['answered', 'WAITING_ON_CUSTOMER'],
    ['customer_reply', 'OPEN'],
    ['in_progress', 'IN_PROGRESS'],
    ['on_hold', 'ON_HOLD'],
    ['closed', 'CLOSED'],
    ['Customer-Reply', 'OPEN'],
    ['CLIENT REPLY', 'OPEN'],
    ['in progress', 'IN_PROGRESS'],
    ['On Hold', 'ON_HOLD'],
    ['unknown', 'UNKNOWN'],
    ['Escalated', 'UNKNOWN'],
  ])('maps %j to %s and keeps the word', (word, status) => {
    expect(map({ status: word })).toMatchObject({ status, statusText: word });
  });

  it.each([[''], [null]])('maps a status of %j to UNKNOWN without a word', (word) => {
    expect(map({ status: word })).toMatchObject({ status: 'UNKNOWN', statusText: null });
  });

  it.each([
    ['Low', 'LOW'],
    ['Medium', 'MEDIUM'],
    ['High', 'HIGH'],
    ['Urgent', 'URGENT'],
    ['critical', 'URGENT'],
    ['medium', 'MEDIUM'],
    ['Blocker', null],
  ])('maps priority %j to %s and keeps the word', (word, priority) => {
    expect(map({ priority: word })).toMatchObject({ priority, priorityText: word });
  });

  it('has no priority when none is given', () => {
    expect(map({ priority: '' })).toMatchObject({ priority: null, priorityText: null });
  });
});

describe('HostUp dates', () => {
  it.each([
    ['winter, Stockholm', 'Europe/Stockholm', '2025-01-15 08:00:00', '2025-01-15T08:00:00+01:00'],
    ['summer, Stockholm', 'Europe/Stockholm', '2025-07-15 08:00:00', '2025-07-15T08:00:00+02:00'],
    ['the day after the spring change', 'Europe/Stockholm', '2025-03-31 00:30:00', '2025-03-31T00:30:00+02:00'],
    ['winter, New York', 'America/New_York', '2025-01-15 08:00:00', '2025-01-15T08:00:00-05:00'],
    ['summer, New York', 'America/New_York', '2025-07-15 08:00:00', '2025-07-15T08:00:00-04:00'],
    ['HostBill\'s "never"', 'Europe/Stockholm', '0000-00-00 00:00:00', null],
    ['an empty date', 'Europe/Stockholm', '', null],
    ["the v2 API's UTC ISO date, its offset kept", 'Europe/Stockholm', '2025-01-15T07:00:00Z', '2025-01-15T07:00:00Z'],
    [
      "an ISO date with no offset, as the v2 API's UTC",
      'Europe/Stockholm',
      '2025-01-15T08:00:00',
      '2025-01-15T08:00:00Z',
    ],
  ])('reads %s in the configured zone', (_, timezone, text, iso) => {
    expect(map({ date: text }, { ...OPTIONS, timezone }).createdAt).toBe(iso);
  });

  it('refuses an answer whose date is no date at all, naming where', () => {
    const parsed = hostupSuccessShape.safeParse({
      success: true,
      data: { ticket: { ...example(), lastreply: '15/01/2025 08:00' } },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['data', 'ticket', 'lastreply']);
  });

  it('reads resolve_date as closedAt only while the ticket is closed', () => {
    expect(map({ status: 'Closed', resolve_date: '2025-04-02 10:00:00' }).closedAt).toBe('2025-04-02T10:00:00+02:00');
    expect(map({ status: 'Open', resolve_date: '2025-04-02 10:00:00' }).closedAt).toBeNull();
  });
});

describe('HostUp people', () => {
  it.each([
    ['an owner with id 0', { ...example().owner, id: '0' }, null],
    ['an owner with an empty id', { ...example().owner, id: '' }, null],
    ["PHP's [] for no owner", [], null],
    ['no owner', null, null],
    [
      'an owner known only by username',
      { id: 7, username: 'lhakansson', firstname: '', lastname: '', email: '' },
      { name: 'lhakansson', email: null, isStaff: true },
    ],
  ])('maps %s to the assignee', (_, owner, assignee) => {
    expect(map({ owner }).assignee).toEqual(assignee);
  });

  it.each([
    ['type Admin', { type: 'Admin' }, true],
    ['type staff', { type: 'staff' }, true],
    ['type Client', { type: 'Client', email: 'erik.sjoberg@hostup.se' }, false],
    ["no type, the owner's e-mail", { type: '', email: 'Erik.Sjoberg@hostup.se' }, true],
    ["no type, the requester's e-mail", { type: '', email: 'asa.lindstrom@jonkopingsbageri.se' }, false],
    ['no type, another e-mail', { type: '', email: 'someone@example.com' }, null],
    ['no type, no e-mail', { type: null, email: '' }, null],
  ])('decides whether a reply with %s is by staff', (_, changes, isStaff) => {
    expect(map({ replies: [reply(changes)] }).replies[0]?.author?.isStaff).toBe(isStaff);
  });

  it('keeps a reply whose type names its side as written by that side when it carries no name or e-mail', () => {
    const answer = checked(hostupSuccessShape, hostupFixture('get-ticket-unnamed-repliers.json'));
    expect(toTicket(answer, OPTIONS).replies.map((entry) => [entry.id, entry.author])).toEqual([
      ['2950520', ERIK],
      ['2950533', { name: null, email: null, isStaff: true }],
      ['2950541', { name: null, email: null, isStaff: false }],
    ]);
  });

  it('keeps unicode names and bodies as sent', () => {
    const ticket = map({
      name: '王芳',
      subject: '文件上传失败 – 📬',
      replies: [reply({ name: 'Elias Qvist 🎨', type: 'Client', body: '谢谢，问题已经解决了。' })],
    });
    expect(ticket.requester?.name).toBe('王芳');
    expect(ticket.subject).toBe('文件上传失败 – 📬');
    expect(ticket.replies[0]).toMatchObject({
      body: '谢谢，问题已经解决了。',
      author: { name: 'Elias Qvist 🎨', isStaff: false },
    });
  });
});

describe('HostUp body format', () => {
  it.each([
    ['plain text with line breaks', 'Hej!\n\nMvh\nÅsa', 'TEXT'],
    ['comparisons', 'a < b and c > d', 'TEXT'],
    ['an address in angle brackets', 'Mail <info@jonkopingsbageri.se> please', 'TEXT'],
    ['a heart', '<3 thanks', 'TEXT'],
    ['code without spaces', 'if x<y then', 'TEXT'],
    ['a paragraph', '<p>Hej</p>', 'HTML'],
    ['a line break', 'one<br>two', 'HTML'],
    ['a self-closing line break', 'one<br />two', 'HTML'],
    ['a link', 'see <a href="https://hostup.se">here</a>', 'HTML'],
    ['a closing tag alone', 'text</div>', 'HTML'],
  ])('reads %s as %s', (_, body, format) => {
    expect(textFormatOf(body)).toBe(format);
    expect(map({ body }).bodyFormat).toBe(format);
  });

  it('reads an empty body as TEXT', () => {
    expect(map({ body: null })).toMatchObject({ body: null, bodyFormat: 'TEXT' });
  });
});

describe('HostUp numbers, tags, notes and attachments', () => {
  it('reads tags as strings and drops empty ones', () => {
    expect(map({ tags: [' ssl ', '', 2025] }).tags).toEqual(['ssl', '2025']);
  });

  it.each([
    ['ticket_number', { ticket_number: '616828', number: '1', id: '2' }, '616828'],
    ['number when ticket_number is empty', { ticket_number: '', number: '616829', id: '2' }, '616829'],
    ['id when neither is set', { ticket_number: null, number: '', id: 48431 }, '48431'],
  ])('takes %s as the number', (_, changes, number) => {
    expect(map(changes).number).toBe(number);
  });

  it('numbers notes and attachments by position and leaves non-strings in raw', () => {
    const ticket = map({ notes: ['first', '', { note: 'an object' }, 'fourth'], attachments: [7, 'a.png'] });
    expect(ticket.notes.map((note) => [note.id, note.body])).toEqual([
      ['0', 'first'],
      ['3', 'fourth'],
    ]);
    expect(ticket.attachments.map((file) => [file.id, file.filename])).toEqual([['1', 'a.png']]);
  });
});
