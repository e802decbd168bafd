import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadUserInputError } from '../domain/errors.js';
import type { ProviderName } from '../domain/model.js';
import type { ListPosition, TicketListFilter } from '../domain/ticket-list.js';

/**
 * `ticketList` cursors: a provider's position, bound to the provider and filter it was issued
 * for and signed with the gateway's shared secret, so a cursor is opaque, and one this gateway
 * did not issue, or issued for another list, is refused before any upstream call. Replicas that
 * share `SHARED_STATE_SECRET` accept each other's cursors.
 */

const VERSION = 'c1';
/** Bytes of the HMAC kept: 128 bits, as a MAC tag needs. */
const TAG_BYTES = 16;
/**
 * Longest cursor read: the longest this gateway issues, so more is not ours. The largest position
 * is HostUp's (providers/hostup/v2/list-position.ts), which holds HostUp's `nextCursor` as it
 * came, up to the 2,048 characters its page check accepts. JSON writes each of those in at most
 * 6 bytes (a control character or a lone surrogate as a `\u` escape): 12,288. The rest of the
 * body, at its longest (`["hostup","<16>",{"state":"CLOSED","cursor":"…","skip":100,
 * "last":"9999999999"}]`), is 91 bytes. base64url writes those 12,379 bytes in 16,506
 * characters; with `c1.`, `.` and the 22-character tag, 16,532. The other providers' positions
 * are a few numbers and dates.
 */
export const MAX_CURSOR_LENGTH = 16_532;

/**
 * The filter a cursor belongs to, with its bounds as instants (offsets do not matter): keyed, so
 * that a cursor, which logs and URLs hold, does not let anyone test guesses at its search.
 */
function listOf(secret: string, filter: TicketListFilter): string {
  const instant = (value: string | undefined) => (value === undefined ? null : Date.parse(value));
  const key = [filter.state, filter.search ?? null, instant(filter.createdAfter), instant(filter.createdBefore)];
  return createHmac('sha256', secret)
    .update(`filter\0${JSON.stringify(key)}`)
    .digest('base64url')
    .slice(0, 16);
}

function tagOf(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`ticketList\0${body}`).digest().subarray(0, TAG_BYTES);
}

/** The cursor of one edge. */
export function encodeCursor(
  secret: string,
  provider: ProviderName,
  filter: TicketListFilter,
  position: ListPosition,
): string {
  const body = Buffer.from(JSON.stringify([provider, listOf(secret, filter), position])).toString('base64url');
  return `${VERSION}.${body}.${tagOf(secret, body).toString('base64url')}`;
}

/**
 * The position a cursor holds, when this gateway issued it for this provider and filter; else
 * BadUserInputError naming what is wrong with it.
 */
export function decodeCursor(
  secret: string,
  provider: ProviderName,
  filter: TicketListFilter,
  cursor: string,
): ListPosition {
  const forged = () =>
    new BadUserInputError(
      '`after` is not a cursor this gateway issued (or its cursor key has changed since): start the list again without `after`',
      { provider },
    );
  if (cursor.length > MAX_CURSOR_LENGTH) throw forged();
  const [version, body, tag, ...rest] = cursor.split('.', 4);
  if (version !== VERSION || body === undefined || tag === undefined || rest.length > 0) throw forged();
  // Compared as the text issued: base64url decoding skips what it cannot read, so a tag with
  // characters appended would otherwise pass, and one cursor would have many spellings.
  const expected = Buffer.from(tagOf(secret, body).toString('base64url'));
  const given = Buffer.from(tag);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forged();
  const [issuedFor, list, position] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as [
    string,
    string,
    ListPosition,
  ];
  if (issuedFor !== provider) {
    throw new BadUserInputError(
      `\`after\` is a cursor of another provider's list (${issuedFor.toUpperCase()}), not of ${provider.toUpperCase()}'s`,
      { provider },
    );
  }
  if (list !== listOf(secret, filter)) {
    throw new BadUserInputError(
      '`after` is a cursor of this list with another filter: send the filter it was issued with, or start again without `after`',
      { provider },
    );
  }
  return position;
}
