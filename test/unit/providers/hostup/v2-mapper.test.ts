import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../src/domain/model.js';
import { toTicketV2, withReply, withStatus } from '../../../../src/providers/hostup/v2/mapper.js';
import {
  type HostupV2Answer,
  type HostupV2Ticket,
  hostupV2MessageShape,
  hostupV2TicketShape,
  hostupV2WrappedShape,
  publicIdOf,
} from '../../../../src/providers/hostup/v2/payload.js';
import { checked } from '../checked.js';
import { itLandsEveryLeaf, RAW, type Landing } from '../seed-landing.js';
import { hostupFixture } from './fixtures.js';

const OPTIONS = { fetchedAt: '2025-04-01T12:06:03.000Z' };
const exampleAnswer = (): HostupV2Ticket => checked(hostupV2TicketShape, hostupFixture('v2-get-ticket.json'));
const map = (changes: Record<string, unknown> = {}): Ticket =>
  toTicketV2(checked(hostupV2TicketShape, { ...hostupFixture('v2-get-ticket.json'), ...changes }), OPTIONS);
const message = (changes: Record<string, unknown>) => ({
  ...hostupFixture('v2-get-ticket.json').messages[2],
  ...changes,
});

const AUTOMATION = { name: 'HostUp', email: null, isStaff: true };
const ASA = { name: 'Åsa Lindström', email: null, isStaff: false };
const ERIK = { name: 'Erik Sjöberg', email: null, isStaff: true };
const SCREENSHOT = {
  id: 'tatt_01jnkq3p2r5s8t0v3w6x9y1z4a',
  filename: 'skarmdump-2025-03-04.png',
  url: null,
  size: 48213,
  contentType: 'image/png',
};
const ERROR_TEXT = {
  id: 'tatt_01jqj1x8a2b4c6d8e0f2g4h6j8',
  filename: 'felmeddelande.txt',
  url: null,
  size: 1532,
  contentType: 'text/plain',
};

const LANDING: Landing = {
  id: RAW,
  number: [(t) => t.number, '616828'],
  subject: [(t) => t.subject, 'Webbplatsen laddar långsamt sedan i morse'],
  status: [(t) => [t.status, t.statusText], ['WAITING_ON_CUSTOMER', 'answered']],
  priority: [(t) => [t.priority, t.priorityText], ['URGENT', 'critical']],
  departmentSlug: RAW,
  departmentName: [(t) => t.department, 'Teknisk support'],
  createdAt: [(t) => t.createdAt, '2025-03-04T08:12:44Z'],
  updatedAt: [(t) => t.updatedAt, '2025-04-01T12:05:10Z'],
  lastMessageAt: [(t) => t.lastReplyAt, '2025-04-01T12:05:10Z'],
  'ccEmails[]': RAW,
  requesterName: [(t) => t.requester, ASA],
  messageCount: RAW,
  body: [(t) => [t.body?.startsWith('Hej!\n\nVår webbplats'), t.bodyFormat], [true, 'TEXT']],
  'attachments[].id': [(t) => t.attachments[0]?.id, SCREENSHOT.id],
  'attachments[].fileName': [(t) => t.attachments[0]?.filename, SCREENSHOT.filename],
  'attachments[].size': [(t) => t.attachments[0]?.size, 48213],
  'attachments[].contentType': [(t) => t.attachments[0]?.contentType, 'image/png'],
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
  'messages[].id': [
    (t) => t.replies.map((reply) => reply.id).join(' '),
    'tmsg_01jnkq3m9b2c4d6e8f0g2h4j6k tmsg_01jqj1x7m3n5p7q9r1s3t5v7w9 tmsg_01jqm5c2d4e6f8g0h2j4k6m8n0',
  ],
  'messages[].ticketId': RAW,
  'messages[].sentAt': [(t) => t.replies[1]?.createdAt, '2025-03-31T18:22:31Z'],
  'messages[].body': [(t) => t.replies[1]?.body, 'Här är en skärmdump av felet.'],
  'messages[].sender': [(t) => t.replies.map((reply) => reply.author?.isStaff), [true, false, true]],
  'messages[].senderName': [
    (t) => t.replies.map((reply) => reply.author?.name),
    ['HostUp', 'Åsa Lindström', 'Erik Sjöberg'],
  ],
  'messages[].encrypted': RAW,
  'messages[].attachments[].id': [(t) => t.replies[1]?.attachments[0]?.id, ERROR_TEXT.id],
  'messages[].attachments[].fileName': [(t) => t.replies[1]?.attachments[0]?.filename, 'felmeddelande.txt'],
  'messages[].attachments[].size': [(t) => t.replies[1]?.attachments[0]?.size, 1532],
  'messages[].attachments[].contentType': [(t) => t.replies[1]?.attachments[0]?.contentType, 'text/plain'],
  // An empty list is a leaf too: the first and last messages have no attachments.
  'messages[].attachments': [(t) => [t.replies[0]?.attachments, t.replies[2]?.attachments], [[], []]],
};

describe('HostUp v2 toTicketV2 on the documented ticket', () => {
  const ticket = toTicketV2(exampleAnswer(), OPTIONS);

  it('maps the normalised fields', () => {
    expect({ ...ticket, raw: undefined }).toEqual({
      provider: 'hostup',
      number: '616828',
      subject: 'Webbplatsen laddar långsamt sedan i morse',
      body: 'Hej!\n\nVår webbplats jonkopingsbageri.se tar över 8 sekunder att ladda sedan i morse. Inget har ändrats hos oss.\n\nMvh\nÅsa',
      bodyFormat: 'TEXT',
      status: 'WAITING_ON_CUSTOMER',
      statusText: 'answered',
      priority: 'URGENT',
      priorityText: 'critical',
      createdAt: '2025-03-04T08:12:44Z',
      updatedAt: '2025-04-01T12:05:10Z',
      lastReplyAt: '2025-04-01T12:05:10Z',
      closedAt: null,
      requester: ASA,
      assignee: null,
      department: 'Teknisk support',
      tags: [],
      url: null,
      notes: [],
      replies: [
        {
          id: 'tmsg_01jnkq3m9b2c4d6e8f0g2h4j6k',
          createdAt: '2025-03-04T08:12:45Z',
          body: 'Tack för ditt ärende! Vi har tagit emot det och återkommer så snart vi kan.',
          bodyFormat: 'TEXT',
          author: AUTOMATION,
          attachments: [],
        },
        {
          id: 'tmsg_01jqj1x7m3n5p7q9r1s3t5v7w9',
          createdAt: '2025-03-31T18:22:31Z',
          body: 'Här är en skärmdump av felet.',
          bodyFormat: 'TEXT',
          author: ASA,
          attachments: [ERROR_TEXT],
        },
        {
          id: 'tmsg_01jqm5c2d4e6f8g0h2j4k6m8n0',
          createdAt: '2025-04-01T12:05:10Z',
          body: 'Hej Åsa!\n\nVi har startat om PHP-FPM och tömt cachen. Kan du testa igen?\n\nMed vänliga hälsningar\nHostUp Support',
          bodyFormat: 'TEXT',
          author: ERIK,
          attachments: [],
        },
      ],
      attachments: [SCREENSHOT],
      raw: undefined,
      fetchedAt: OPTIONS.fetchedAt,
    });
  });

  it('keeps the whole answer as received in raw, the public id with it', () => {
    expect(ticket.raw).toEqual(hostupFixture('v2-get-ticket.json'));
    expect(publicIdOf(ticket.raw)).toBe('tkt_01jnkq3m8v4x7c2d9e6f0g1h2j');
  });

  itLandsEveryLeaf(hostupFixture('v2-get-ticket.json'), ticket, LANDING);
});

describe('HostUp v2 answer forms', () => {
  it('reads the ticket under data too, keeping the whole answer and its public id', () => {
    const wrapped = { data: hostupFixture('v2-get-ticket.json') };
    const ticket = toTicketV2(checked(hostupV2WrappedShape, wrapped) as HostupV2Answer, OPTIONS);
    expect(ticket).toMatchObject({ number: '616828', status: 'WAITING_ON_CUSTOMER', raw: wrapped });
    expect(publicIdOf(ticket.raw)).toBe('tkt_01jnkq3m8v4x7c2d9e6f0g1h2j');
  });

  it.each([
    ['a legacy answer (its id is the row id)', hostupFixture('get-ticket.example.json')],
    ['a v2 ticket without an id', { number: '616828' }],
    ['nothing', undefined],
  ])('finds no public id in %s', (_, raw) => {
    expect(publicIdOf(raw)).toBeNull();
  });

  it('takes the number as people see it, a number sent as a JSON number too', () => {
    expect(map({ number: 616828 }).number).toBe('616828');
  });

  it('refuses a ticket without a number, or with a date that is no ISO date, naming where', () => {
    expect(hostupV2TicketShape.safeParse({ ...exampleAnswer(), number: ' ' }).error?.issues[0]?.path).toEqual([
      'number',
    ]);
    expect(
      hostupV2TicketShape.safeParse({ ...exampleAnswer(), updatedAt: '2025-04-01 14:05:10' }).error?.issues[0]?.path,
    ).toEqual(['updatedAt']);
  });
});

describe('HostUp v2 status and priority', () => {
  it.each([
    ['open', 'OPEN'],
    ['answered', 'WAITING_ON_CUSTOMER'],
    ['customer_reply', 'OPEN'],
    ['in_progress', 'IN_PROGRESS'],
    ['on_hold', 'ON_HOLD'],
    ['closed', 'CLOSED'],
    ['unknown', 'UNKNOWN'],
    ['escalated', 'UNKNOWN'],
  ])('maps status %j to %s and keeps the word', (word, status) => {
    expect(map({ status: word })).toMatchObject({ status, statusText: word });
  });

  it.each([
    ['low', 'LOW'],
    ['medium', 'MEDIUM'],
    ['high', 'HIGH'],
    ['urgent', 'URGENT'],
    ['critical', 'URGENT'],
    ['blocker', null],
  ])('maps priority %j to %s and keeps the word', (word, priority) => {
    expect(map({ priority: word })).toMatchObject({ priority, priorityText: word });
  });
});

describe('HostUp v2 fields that may be missing', () => {
  it('takes the department slug when no name is given', () => {
    expect(map({ departmentName: null }).department).toBe('tech-support');
  });

  it('takes the last message date when lastMessageAt is missing', () => {
    expect(map({ lastMessageAt: null }).lastReplyAt).toBe('2025-04-01T12:05:10Z');
  });

  it('has no requester without a requesterName', () => {
    expect(map({ requesterName: '  ' }).requester).toBeNull();
  });

  it('reads a date without an offset as UTC, and one with an offset as given', () => {
    expect(map({ createdAt: '2025-03-04T08:12:44', updatedAt: '2025-04-01T14:05:10+02:00' })).toMatchObject({
      createdAt: '2025-03-04T08:12:44Z',
      updatedAt: '2025-04-01T14:05:10+02:00',
    });
  });

  it.each([
    ['a sender it does not know', { sender: 'bot' }, { name: 'Erik Sjöberg', email: null, isStaff: null }],
    ['no sender name', { senderName: '' }, { name: null, email: null, isStaff: true }],
    ['neither', { sender: null, senderName: null }, null],
  ])('gives a message with %s the author it can', (_, changes, author) => {
    expect(map({ messages: [message(changes)] }).replies[0]?.author).toEqual(author);
  });

  it.each([
    [
      'a file name',
      { id: 'a1', fileName: 'x.pdf', size: '12', contentType: 'application/pdf' },
      ['x.pdf', 12, 'application/pdf'],
    ],
    ['only a name', { id: 'a1', name: 'y.png', size: -1 }, ['y.png', null, null]],
    ['no name at all', { id: 7, size: 'big' }, ['7', null, null]],
  ])('lists an attachment with %s', (_, attachment, [filename, size, contentType]) => {
    expect(map({ attachments: [attachment] }).attachments[0]).toMatchObject({ filename, size, contentType, url: null });
  });

  it('reads an HTML body as HTML, and a message body too', () => {
    const ticket = map({ body: '<p>Hej</p>', messages: [message({ body: 'one<br>two' })] });
    expect([ticket.bodyFormat, ticket.replies[0]?.bodyFormat]).toEqual(['HTML', 'HTML']);
  });
});

describe('HostUp v2 tickets after a write that cannot be read back', () => {
  const current = map();
  const posted = checked(hostupV2MessageShape, hostupFixture('v2-post-message.json'));

  it('appends the message HostUp answered as the last reply', () => {
    const ticket = withReply(current, posted, '2025-04-01T13:02:48.000Z');
    expect(ticket.replies).toHaveLength(4);
    expect(ticket.replies[3]).toEqual({
      id: 'tmsg_01jqm7r4s6t8v0w2x4y6z8a0b2',
      createdAt: '2025-04-01T13:02:47Z',
      body: 'Tyvärr samma problem fortfarande.',
      bodyFormat: 'TEXT',
      author: ASA,
      attachments: [],
    });
    expect(ticket).toMatchObject({
      lastReplyAt: '2025-04-01T13:02:47Z',
      updatedAt: '2025-04-01T13:02:47Z',
      fetchedAt: '2025-04-01T13:02:48.000Z',
      raw: current.raw,
    });
  });

  it('keeps the ticket as it was when the answer held no readable message', () => {
    expect(withReply(current, undefined, '2025-04-01T13:02:48.000Z')).toEqual({
      ...current,
      fetchedAt: '2025-04-01T13:02:48.000Z',
    });
  });

  it.each([
    ['closed', 'CLOSED'],
    ['open', 'OPEN'],
  ] as const)('marks the ticket %s', (word, status) => {
    expect(withStatus(current, word, '2025-04-01T13:02:48.000Z')).toEqual({
      ...current,
      status,
      statusText: word,
      fetchedAt: '2025-04-01T13:02:48.000Z',
    });
  });
});
