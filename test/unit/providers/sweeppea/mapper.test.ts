import { checked } from '../checked.js';
import { describe, expect, it } from 'vitest';
import { SWEEPPEA_FILES_ATTACHMENTS } from '../../../expected/sweeppea-files.js';
import type { Ticket } from '../../../../src/domain/model.js';
import { toTicket } from '../../../../src/providers/sweeppea/mapper.js';
import {
  sweeppeaSuccessShape,
  type SweeppeaAnswer,
  type SweeppeaTicket,
} from '../../../../src/providers/sweeppea/payload.js';
import { itLandsEveryLeaf, leaves, nestedAt, RAW, type Landing } from '../seed-landing.js';
import { sweeppeaFixture } from './fixtures.js';

const FETCHED_AT = '2025-02-01T12:00:00.000Z';
const exampleAnswer = (): SweeppeaAnswer => checked(sweeppeaSuccessShape, sweeppeaFixture('fetch-single-ticket.json'));
const example = (): SweeppeaTicket => exampleAnswer().Data;
const map = (changes: Record<string, unknown> = {}): Ticket =>
  toTicket(checked(sweeppeaSuccessShape, { Response: true, Data: { ...example(), ...changes } }), {
    fetchedAt: FETCHED_AT,
  });

const LANDING: Landing = {
  CaseNumber: [(t) => t.number, 'HYXTNJV'],
  Date: [(t) => t.createdAt, '2025-01-26T10:00:00Z'],
  'AccountInfo.UserToken': RAW,
  'AccountInfo.FullName': [(t) => t.requester, { name: 'John Doe', email: 'john.doe@example.com', isStaff: false }],
  'AccountInfo.Email': [(t) => t.requester?.email, 'john.doe@example.com'],
  'AccountInfo.MobileNumber': RAW,
  'AccountInfo.UserType': RAW,
  'AccountInfo.UserAgent': RAW,
  'AccountInfo.IpAddress': RAW,
  'AccountInfo.Language': RAW,
  'AccountInfo.GeoLat': RAW,
  'AccountInfo.GeoLon': RAW,
  'AccountInfo.SweepstakesName': RAW,
  Subject: [(t) => t.subject, 'Issue with sweepstakes configuration'],
  Description: [(t) => [t.body, t.bodyFormat], ['<p>Unable to configure the entry page settings...</p>', 'HTML']],
  Priority: [(t) => [t.priority, t.priorityText], ['MEDIUM', 'Medium']],
  'NotifyUsers[]': RAW,
  Collaborators: RAW,
  ClosedBy: RAW,
  CloseDate: [(t) => t.closedAt, null],
  'Notes[].Id': [(t) => t.notes[0]?.id, '<note-id>'],
  'Notes[].Date': [(t) => t.notes[0]?.createdAt, '2025-01-26T11:00:00Z'],
  'Notes[].Note': [(t) => t.notes[0]?.body, 'Investigating the issue...'],
  Files: [(t) => t.attachments, []],
  Survey: RAW,
  Pin: RAW,
  Views: RAW,
  Completion: RAW,
  ResourceAffected: [(t) => t.department, 'renaissance'],
  Documentation: RAW,
  'Statistics[].Id': RAW,
  'Statistics[].Date': [(t) => t.updatedAt, '2025-01-26T10:00:00Z'],
  'Statistics[].UserToken': RAW,
  'Statistics[].Action': RAW,
  Status: [(t) => [t.status, t.statusText], ['OPEN', 'Open']],
  AttachmentInfo: RAW,
  GitHubIssue: RAW,
};
/** docs/providers/sweeppea.md: AccountInfo's personal data never leaves `raw`. */
const PRIVATE = [
  'AccountInfo.UserToken',
  'AccountInfo.MobileNumber',
  'AccountInfo.UserAgent',
  'AccountInfo.IpAddress',
  'AccountInfo.GeoLat',
  'AccountInfo.GeoLon',
];

describe('Sweeppea toTicket on the seed example', () => {
  const ticket = toTicket(exampleAnswer(), { fetchedAt: FETCHED_AT });

  it('maps the normalised fields', () => {
    expect({ ...ticket, raw: undefined }).toEqual({
      provider: 'sweeppea',
      number: 'HYXTNJV',
      subject: 'Issue with sweepstakes configuration',
      body: '<p>Unable to configure the entry page settings...</p>',
      bodyFormat: 'HTML',
      status: 'OPEN',
      statusText: 'Open',
      priority: 'MEDIUM',
      priorityText: 'Medium',
      createdAt: '2025-01-26T10:00:00Z',
      updatedAt: '2025-01-26T10:00:00Z',
      lastReplyAt: null,
      closedAt: null,
      requester: { name: 'John Doe', email: 'john.doe@example.com', isStaff: false },
      assignee: null,
      department: 'renaissance',
      tags: [],
      url: null,
      notes: [{ id: '<note-id>', createdAt: '2025-01-26T11:00:00Z', body: 'Investigating the issue...', author: null }],
      replies: [],
      attachments: [],
      raw: undefined,
      fetchedAt: FETCHED_AT,
    });
  });

  it('keeps the whole answer as received in raw', () => {
    expect(ticket.raw).toEqual(sweeppeaFixture('fetch-single-ticket.json'));
  });

  itLandsEveryLeaf(sweeppeaFixture('fetch-single-ticket.json'), ticket, {
    Response: RAW,
    ...nestedAt('Data', LANDING),
  });

  it.each(PRIVATE)('shows %s nowhere outside raw', (path) => {
    const value = leaves(ticket.raw).find(([leaf]) => leaf === `Data.${path}`)?.[1];
    expect(value, `the seed has ${path}`).toBeDefined();
    expect(JSON.stringify({ ...ticket, raw: null })).not.toContain(String(value));
  });
});

describe('Sweeppea status and priority', () => {
  it.each([
    [false, 'OPEN', 'Open'],
    [true, 'CLOSED', 'Closed'],
    ['Open', 'OPEN', 'Open'],
    ['closed', 'CLOSED', 'Closed'],
    ['Pending', 'UNKNOWN', 'Pending'],
    [null, 'UNKNOWN', null],
  ])('maps Status %j to %s (%j)', (value, status, statusText) => {
    expect(map({ Status: value })).toMatchObject({ status, statusText });
  });

  it.each([
    [1, 'LOW', 'Low'],
    [2, 'MEDIUM', 'Medium'],
    [3, 'HIGH', 'High'],
    ['3', 'HIGH', 'High'],
    [4, null, '4'],
    [0, null, '0'],
    [null, null, null],
  ])('maps Priority %j to %s (%j)', (value, priority, priorityText) => {
    expect(map({ Priority: value })).toMatchObject({ priority, priorityText });
  });
});

describe('Sweeppea dates', () => {
  it("keeps each date's own offset and takes the latest Statistics entry as updatedAt", () => {
    const ticket = map({
      Status: true,
      CloseDate: '2025-07-01T18:30:00.000Z',
      Statistics: [
        { Date: '2025-01-26T10:00:00Z', Action: 'create' },
        { Date: '2025-07-01T20:30:00+02:00', Action: 'resolve' },
        { Date: '2025-07-01T13:00:00-05:00', Action: 'view' },
      ],
    });
    expect(ticket).toMatchObject({
      status: 'CLOSED',
      closedAt: '2025-07-01T18:30:00Z',
      updatedAt: '2025-07-01T20:30:00+02:00',
    });
  });

  it('reads a date with no offset as the UTC Sweeppea documents, rather than failing the ticket', () => {
    const ticket = map({ Date: '2025-01-26T10:00:00', Notes: [{ Id: 1, Date: '2025-01-26T11:00:00.123', Note: 'n' }] });
    expect(ticket.createdAt).toBe('2025-01-26T10:00:00Z');
    expect(ticket.notes[0]?.createdAt).toBe('2025-01-26T11:00:00.123Z');
  });

  it.each([['26/01/2025 10:00'], ['2025-01-26'], ['yesterday']])('refuses an answer with %j as a date', (text) => {
    expect(sweeppeaSuccessShape.safeParse({ Response: true, Data: { ...example(), Date: text } }).success).toBe(false);
  });

  it('has no updatedAt without Statistics', () => {
    expect(map({ Statistics: [] }).updatedAt).toBeNull();
  });
});

describe('Sweeppea text', () => {
  it('keeps unicode in names, subjects and notes as sent', () => {
    const ticket = map({
      Subject: '抽選結果のメールが届かない 🎉',
      AccountInfo: { FullName: 'Olúwaseun Adébáyọ̀', Email: 'seun@example.com' },
      Notes: [{ Id: 7, Date: null, Note: 'Llamada con María José 👀' }],
    });
    expect(ticket.subject).toBe('抽選結果のメールが届かない 🎉');
    expect(ticket.requester?.name).toBe('Olúwaseun Adébáyọ̀');
    expect(ticket.notes).toEqual([{ id: '7', createdAt: null, body: 'Llamada con María José 👀', author: null }]);
  });

  it('has no requester when AccountInfo names nobody', () => {
    expect(map({ AccountInfo: { FullName: '', Email: null } }).requester).toBeNull();
  });
});

describe('Sweeppea Files, whose element shape is undocumented', () => {
  it('reads the keys of each file whatever their case or separators: name, url, size, content type, id', () => {
    const answer = checked(sweeppeaSuccessShape, sweeppeaFixture('fetch-single-ticket-files.json'));
    expect(toTicket(answer, { fetchedAt: FETCHED_AT }).attachments).toEqual(SWEEPPEA_FILES_ATTACHMENTS);
  });

  it.each([
    [
      'an object with the usual keys',
      {
        Id: 'f1',
        FileName: 'rules.pdf',
        Url: 'https://files.sweeppea.com/s/rules.pdf',
        Size: 1234,
        ContentType: 'application/pdf',
      },
      [
        {
          id: 'f1',
          filename: 'rules.pdf',
          url: 'https://files.sweeppea.com/s/rules.pdf',
          size: 1234,
          contentType: 'application/pdf',
        },
      ],
    ],
    [
      'Name, URL and MimeType spellings',
      { Name: 'a.png', URL: 'https://x.example/a.png', MimeType: 'image/png', Size: '99' },
      [{ id: '0', filename: 'a.png', url: 'https://x.example/a.png', size: 99, contentType: 'image/png' }],
    ],
    [
      'only a URL: the name is its last segment',
      { Url: 'https://x.example/dir/%E3%82%B9%E3%82%AF.png' },
      [
        {
          id: '0',
          filename: 'スク.png',
          url: 'https://x.example/dir/%E3%82%B9%E3%82%AF.png',
          size: null,
          contentType: null,
        },
      ],
    ],
    [
      'a plain file name',
      'entrants.csv',
      [{ id: '0', filename: 'entrants.csv', url: null, size: null, contentType: null }],
    ],
    [
      'a plain link',
      'https://x.example/b.txt',
      [{ id: '0', filename: 'b.txt', url: 'https://x.example/b.txt', size: null, contentType: null }],
    ],
    [
      'a javascript: link, which is not passed on',
      { FileName: 'x.html', Url: 'javascript:alert(1)' },
      [{ id: '0', filename: 'x.html', url: null, size: null, contentType: null }],
    ],
    [
      'a negative size, dropped',
      { FileName: 'y', Size: -1 },
      [{ id: '0', filename: 'y', url: null, size: null, contentType: null }],
    ],
    [
      'a size past the largest Int, dropped',
      { FileName: 'z', Size: 3_000_000_000 },
      [{ id: '0', filename: 'z', url: null, size: null, contentType: null }],
    ],
    [
      'a link whose path names no file, by the link itself',
      'https://x.example/?id=7',
      [{ id: '0', filename: 'https://x.example/?id=7', url: 'https://x.example/?id=7', size: null, contentType: null }],
    ],
    ['an object with no name or link', { Size: 5 }, []],
    ['an empty string', '  ', []],
    ['a number', 42, []],
    ['null', null, []],
  ])('reads %s', (_, file, attachments) => {
    expect(map({ Files: [file] }).attachments).toEqual(attachments);
  });
});
