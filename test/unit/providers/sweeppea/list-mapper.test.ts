import { describe, expect, it } from 'vitest';
import { sweeppeaSummaryShape, type SweeppeaSummary } from '../../../../src/providers/sweeppea/list-payload.js';
import { toListedFields } from '../../../../src/providers/sweeppea/mapper.js';
import { checked } from '../checked.js';

const FETCHED_AT = '2025-02-01T09:00:00.000Z';
const SUMMARY = {
  CaseNumber: 'HYXTNJV',
  Subject: 'Issue with sweepstakes configuration',
  Date: '2025-01-26T10:00:00.000Z',
  Priority: 2,
  ResourceAffected: 'renaissance',
};
const listed = (summary: Record<string, unknown>, closed = false) =>
  toListedFields(checked(sweeppeaSummaryShape, summary) as SweeppeaSummary, closed, { fetchedAt: FETCHED_AT });
const without = (field: keyof typeof SUMMARY) =>
  Object.fromEntries(Object.entries(SUMMARY).filter(([key]) => key !== field));

describe('toListedFields', () => {
  it('maps a documented summary of fetchOpenTickets', () => {
    expect(listed(SUMMARY)).toEqual({
      subject: 'Issue with sweepstakes configuration',
      status: 'OPEN',
      statusText: 'Open',
      priority: 'MEDIUM',
      priorityText: 'Medium',
      createdAt: '2025-01-26T10:00:00Z',
      department: 'renaissance',
      fetchedAt: FETCHED_AT,
    });
  });

  it('gives a summary of fetchClosedTickets the status CLOSED, as a ticket read gives Status: true', () => {
    expect(listed(SUMMARY, true)).toMatchObject({ status: 'CLOSED', statusText: 'Closed' });
  });

  it.each([
    ['99 characters', 'x'.repeat(99), true],
    ['100 characters, which may be cut', 'x'.repeat(100), false],
    ['101 characters', 'x'.repeat(101), false],
    ['99 characters of 100 UTF-16 code units', `${'x'.repeat(98)}😕`, false],
    ['an empty subject', '', true],
  ])('gives a subject of %s: %s', (_, subject, given) => {
    const fields = listed({ ...SUMMARY, Subject: subject });
    expect(Object.hasOwn(fields, 'subject')).toBe(given);
    if (given) expect(fields.subject).toBe(subject);
  });

  it('leaves out a subject given as null or not at all: the ticket read says', () => {
    expect(listed({ ...SUMMARY, Subject: null })).not.toHaveProperty('subject');
    expect(listed(without('Subject'))).not.toHaveProperty('subject');
  });

  it.each([
    ['1', 1, 'LOW', 'Low'],
    ['3 as text', '3', 'HIGH', 'High'],
    ['an unknown value', 9, null, '9'],
    ['null', null, null, null],
  ])('maps Priority %s as a ticket read does', (_, value, priority, priorityText) => {
    expect(listed({ ...SUMMARY, Priority: value })).toMatchObject({ priority, priorityText });
  });

  it('leaves out what a summary does not give: Priority, ResourceAffected', () => {
    expect(listed(without('Priority'))).not.toHaveProperty('priority');
    expect(listed(without('Priority'))).not.toHaveProperty('priorityText');
    expect(listed(without('ResourceAffected'))).not.toHaveProperty('department');
    expect(listed({ ...SUMMARY, ResourceAffected: '' })).toHaveProperty('department', null);
  });

  it('reads a date without an offset as UTC, as a ticket read does', () => {
    expect(listed({ ...SUMMARY, Date: '2025-01-15T10:30:00' }).createdAt).toBe('2025-01-15T10:30:00Z');
  });

  it('never gives what no summary holds: body, notes, requester, dates other than creation, raw', () => {
    expect(Object.keys(listed(SUMMARY)).sort()).toEqual([
      'createdAt',
      'department',
      'fetchedAt',
      'priority',
      'priorityText',
      'status',
      'statusText',
      'subject',
    ]);
  });
});
