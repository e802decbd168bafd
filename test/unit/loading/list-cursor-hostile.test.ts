import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TicketListFilter } from '../../../src/domain/ticket-list.js';
import { checkListFilter, MAX_SEARCH_LENGTH } from '../../../src/domain/ticket-list.js';
import { decodeCursor, encodeCursor } from '../../../src/loading/list-cursor.js';

/** Hostile review of `ticketList` cursors and filters (issue 17); these fail on the branch as reviewed. */

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('list cursors, attacked', () => {
  it('does not let anyone holding a cursor recover the search it was issued for', () => {
    const filter: TicketListFilter = { state: 'ANY', search: 'refund jane.doe@example.com' };
    const cursor = encodeCursor(SECRET, 'sweeppea', filter, { page: 1 });
    const body = JSON.parse(Buffer.from(cursor.split('.')[1]!, 'base64url').toString('utf8')) as unknown[];
    // The filter fingerprint is an unkeyed SHA-256 of [state, search, after, before]: a dictionary
    // of guesses, hashed without the secret, finds the search words in any cursor.
    const guess = createHash('sha256')
      .update(JSON.stringify(['ANY', 'refund jane.doe@example.com', null, null]))
      .digest('base64url')
      .slice(0, 16);
    expect(body[1]).not.toBe(guess);
  });

  it('accepts only the tag it issued, not the same tag with characters appended', () => {
    const filter: TicketListFilter = { state: 'OPEN' };
    const cursor = encodeCursor(SECRET, 'sweeppea', filter, { page: 1 });
    // Buffer.from(tag, 'base64url') skips what is not base64url: a cursor is not one string.
    for (const suffix of ['!', '=', ' ', '%', '==']) {
      expect(() => decodeCursor(SECRET, 'sweeppea', filter, `${cursor}${suffix}`)).toThrow();
    }
  });
});

describe('filter.search, attacked', () => {
  it(`takes ${MAX_SEARCH_LENGTH} characters, as documented, not ${MAX_SEARCH_LENGTH} UTF-16 code units`, () => {
    const facts = { filters: ['state', 'search'] as const };
    // 150 characters; .length counts 300.
    expect(checkListFilter({ search: '😀'.repeat(150) }, facts, 'Sweeppea').search).toHaveLength(300);
  });
});
