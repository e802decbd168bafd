import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../src/domain/errors.js';
import type { TicketListFilter } from '../../../src/domain/ticket-list.js';
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from '../../../src/loading/list-cursor.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const OPEN: TicketListFilter = { state: 'OPEN' };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.message;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('list cursors', () => {
  it('give back the position they were issued with', () => {
    const position = { page: 2, offset: 5 };
    const cursor = encodeCursor(SECRET, 'sweeppea', OPEN, position);
    expect(decodeCursor(SECRET, 'sweeppea', OPEN, cursor)).toEqual({ page: 2, offset: 5 });
  });

  it('hold the filter by instant, whatever offset its bounds were written with', () => {
    const utc: TicketListFilter = {
      state: 'ANY',
      createdAfter: '2026-01-01T00:00:00Z',
      createdBefore: '2026-01-02T00:00:00Z',
    };
    const kolkata: TicketListFilter = {
      state: 'ANY',
      createdAfter: '2026-01-01T05:30:00+05:30',
      createdBefore: '2026-01-02T05:30:00+05:30',
    };
    const cursor = encodeCursor(SECRET, 'kapture', utc, ['2026-01-01', 3]);
    expect(decodeCursor(SECRET, 'kapture', kolkata, cursor)).toEqual(['2026-01-01', 3]);
  });

  it('refuse a cursor of another provider', () => {
    const cursor = encodeCursor(SECRET, 'sweeppea', OPEN, 1);
    expect(refusal(() => decodeCursor(SECRET, 'hostup', OPEN, cursor))).toBe(
      "`after` is a cursor of another provider's list (SWEEPPEA), not of HOSTUP's",
    );
  });

  it('refuse a cursor of another filter', () => {
    const cursor = encodeCursor(SECRET, 'sweeppea', OPEN, 1);
    expect(refusal(() => decodeCursor(SECRET, 'sweeppea', { state: 'OPEN', search: 'printer' }, cursor))).toBe(
      '`after` is a cursor of this list with another filter: send the filter it was issued with, or start again without `after`',
    );
  });

  it('refuse a cursor signed with another secret, or altered', () => {
    const FORGED =
      '`after` is not a cursor this gateway issued (or its cursor key has changed since): start the list again without `after`';
    const cursor = encodeCursor(SECRET, 'sweeppea', OPEN, { page: 1, offset: 0 });
    expect(refusal(() => decodeCursor(`${SECRET}!`, 'sweeppea', OPEN, cursor))).toBe(FORGED);
    const [version, , tag] = cursor.split('.');
    const altered = Buffer.from(JSON.stringify(['sweeppea', 'x', { page: 9, offset: 0 }])).toString('base64url');
    expect(refusal(() => decodeCursor(SECRET, 'sweeppea', OPEN, `${version}.${altered}.${tag}`))).toBe(FORGED);
    for (const bad of ['', 'c1', 'c1..', `${cursor}.x`, 'not a cursor', `c2${cursor.slice(2)}`, 'x'.repeat(5000)]) {
      expect(refusal(() => decodeCursor(SECRET, 'sweeppea', OPEN, bad))).toBe(FORGED);
    }
  });

  it("take the longest cursor they issue: a HostUp position holding the longest nextCursor HostUp's page check takes", () => {
    const CLOSED: TicketListFilter = { state: 'CLOSED' };
    // 2,048 characters, each written by JSON as a six-character escape: the longest body there is.
    const longest = { state: 'CLOSED', cursor: '\u0001'.repeat(2_048), skip: 100, last: '9999999999' };
    const cursor = encodeCursor(SECRET, 'hostup', CLOSED, longest);
    expect([cursor.length, MAX_CURSOR_LENGTH]).toEqual([16_532, 16_532]);
    expect(decodeCursor(SECRET, 'hostup', CLOSED, cursor)).toEqual(longest);
    const ascii = { state: 'OPEN', cursor: 'x'.repeat(2_048), skip: 0, last: '616828' };
    expect(decodeCursor(SECRET, 'hostup', OPEN, encodeCursor(SECRET, 'hostup', OPEN, ascii))).toEqual(ascii);
  });

  it('refuse a cursor longer than the longest they issue, though signed', () => {
    const FORGED =
      '`after` is not a cursor this gateway issued (or its cursor key has changed since): start the list again without `after`';
    const CLOSED: TicketListFilter = { state: 'CLOSED' };
    // One character more than HostUp's page check takes: a position the gateway never issues.
    const longer = { state: 'CLOSED', cursor: '\u0001'.repeat(2_049), skip: 100, last: '9999999999' };
    const cursor = encodeCursor(SECRET, 'hostup', CLOSED, longer);
    expect(cursor).toHaveLength(16_540);
    expect(refusal(() => decodeCursor(SECRET, 'hostup', CLOSED, cursor))).toBe(FORGED);
  });
});
