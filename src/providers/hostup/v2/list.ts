import { BadUserInputError, UpstreamInvalidResponseError } from '../../../domain/errors.js';
import type { ListPosition, ListState, TicketEdge, TicketListQuery, TicketPage } from '../../../domain/ticket-list.js';
import type { UpstreamClient } from '../../../upstream/types.js';
import { textOf } from '../../kit/upstream-text.js';
import { parseHostupNumber } from '../ticket-number.js';
import { HOSTUP_STATUSES } from '../words.js';
import { getTicketPage } from './client.js';
import { type HostupV2Page, type HostupV2Summary, MAX_LIST_LIMIT } from './list-payload.js';
import { positionOf, type ReadPoint, readPosition } from './list-position.js';
import { toListedV2 } from './mapper.js';

/**
 * Most upstream calls one page of ours makes: 10 calls of up to 100 tickets, so at most 1,000
 * tickets walked. OPEN leaves closed tickets out, so without a bound an account whose open
 * tickets sit behind a long stretch of closed ones (or a HostUp that answers closed page after
 * closed page) makes a page of `first: 1` walk the whole list, one call waiting on the other,
 * until the request's byte budget runs out. A page that reaches the bound with fewer than `first`
 * tickets answers those found, `hasNextPage: true` and `resume` where the walk stopped, so the
 * client's next page goes on from there. Why 10: HostUp's customers have tens to hundreds of
 * tickets (docs/providers/hostup.md, Lists), so 1,000 tickets is a whole account's list for
 * nearly all of them and a short page stays rare; and it keeps one request, at most
 * MAX_LISTS_PER_REQUEST (4) lists, to 40 calls in all.
 */
export const MAX_CALLS_PER_PAGE = 10;

/**
 * One page of HostUp's v2 list (docs/providers/hostup.md, Lists), as one walk of the upstream's
 * cursor pages, newest created first, in the upstream's own order:
 * - ANY reads every ticket, CLOSED asks HostUp for `status=closed`, and OPEN reads every ticket
 *   and leaves out the closed ones (one walk rather than one per open status; the docs page says
 *   why).
 * - ANY and CLOSED ask for as many tickets as the page still needs (and those behind the position
 *   in its upstream page): a page that ends where an upstream page ends gives its last edge that
 *   page's `nextCursor`, so resuming reads nothing twice. OPEN asks for full pages of 100: closed
 *   tickets take places, and the largest pages make the fewest calls.
 * - An edge's position is the read point just before the next ticket the list shows: past the
 *   closed tickets the walk has already read, and at `nextCursor` when that is where it is.
 * - `hasNextPage` is true when a ticket the list shows follows in what was read, or the last
 *   page read has a `nextCursor` (for OPEN, what follows may all be closed).
 * - It makes at most MAX_CALLS_PER_PAGE calls. A walk stopped there with fewer than `first`
 *   tickets answers `resume`: the last page's `nextCursor`, nothing of it skipped.
 */
export async function listTicketsV2(http: UpstreamClient, query: TicketListQuery, token: string): Promise<TicketPage> {
  const { state } = query.filter;
  let point = readPosition(query.after, state);
  const edges: { ticket: TicketEdge['ticket']; position: ListPosition }[] = [];
  const walk = new WalkCheck(state);
  for (let calls = 1; ; calls += 1) {
    const limit = state === 'OPEN' ? MAX_LIST_LIMIT : Math.min(MAX_LIST_LIMIT, point.skip + query.first - edges.length);
    walk.reading(point.cursor);
    const page = await getTicketPage(
      http,
      { limit, cursor: point.cursor, ...(state === 'CLOSED' && { status: 'closed' as const }) },
      token,
    );
    const fetchedAt = new Date().toISOString();
    const numbers = walk.numbersOf(page, limit);
    for (let index = resumeIndex(numbers, point); index < page.data.length; index += 1) {
      const summary = page.data[index]!;
      const number = numbers[index]!;
      walk.passing(summary, number, index);
      if (shows(state, summary)) {
        if (edges.length === query.first) return { edges, hasNextPage: true, totalCount: null };
        edges.push({ ticket: { provider: 'hostup', number, listed: toListedV2(summary, fetchedAt) }, position: null });
      }
      point = { cursor: point.cursor, skip: index + 1, last: number };
      // The last edge resumes past the tickets read after it that the list does not show.
      if (edges.length > 0) edges.at(-1)!.position = positionOf(point, state);
    }
    const next = page.nextCursor || null;
    if (next === null) return { edges, hasNextPage: false, totalCount: null };
    point = { cursor: next, skip: 0, last: point.last };
    if (edges.length > 0) edges.at(-1)!.position = positionOf(point, state);
    if (edges.length === query.first) return { edges, hasNextPage: true, totalCount: null };
    if (calls === MAX_CALLS_PER_PAGE) {
      return { edges, hasNextPage: true, totalCount: null, resume: positionOf(point, state) };
    }
  }
}

/** Whether a `state` list shows a ticket: OPEN is every status but closed (the status as mapped). */
function shows(state: ListState, summary: HostupV2Summary): boolean {
  return state !== 'OPEN' || !isClosed(summary);
}

const isClosed = (summary: HostupV2Summary): boolean => HOSTUP_STATUSES.get(summary.status) === 'CLOSED';

/**
 * Where a page read from `point.cursor` resumes: after the ticket `point.last` when the page
 * holds it (tickets created, or gone from a filter, ahead of it since would shift `skip`), else
 * after the first `skip` tickets.
 */
function resumeIndex(numbers: readonly string[], point: ReadPoint): number {
  const found = point.last === null ? -1 : numbers.indexOf(point.last);
  return found >= 0 ? found + 1 : Math.min(point.skip, numbers.length);
}

/**
 * What one page's walk checks of HostUp's answers, each a lie the gateway will not pass on as a
 * list (UPSTREAM_INVALID_RESPONSE): more tickets than asked, a `nextCursor` with no ticket or one
 * read before (which would never end), a number that is not a HostUp number, a ticket twice,
 * tickets out of the order of creation, or a ticket of another status than asked.
 */
class WalkCheck {
  readonly #state: ListState;
  readonly #cursors = new Set<string | null>();
  readonly #numbers = new Set<string>();
  #created = Number.POSITIVE_INFINITY;

  constructor(state: ListState) {
    this.#state = state;
  }

  /** Before a call from `cursor`. */
  reading(cursor: string | null): void {
    if (this.#cursors.has(cursor)) throw invalid('HostUp gave the same list cursor twice');
    this.#cursors.add(cursor);
  }

  /** The canonical number of each ticket of a page asked with `limit`. */
  numbersOf(page: HostupV2Page, limit: number): string[] {
    if (page.data.length > limit) throw invalid(`HostUp answered more than the ${limit} tickets asked for`);
    if (page.data.length === 0 && page.nextCursor) throw invalid('HostUp answered an empty page with a next cursor');
    return page.data.map((summary, index) => {
      try {
        return parseHostupNumber(textOf(summary.number) ?? '');
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        throw invalid(`HostUp listed a ticket whose number is not a HostUp ticket number (at data.${index}.number)`);
      }
    });
  }

  /** A ticket the walk passes, shown or not. */
  passing(summary: HostupV2Summary, number: string, index: number): void {
    if (this.#numbers.has(number)) throw invalid(`HostUp listed ticket ${number} twice`);
    this.#numbers.add(number);
    const created = Date.parse(summary.createdAt);
    if (created > this.#created) throw invalid(`HostUp listed tickets out of creation order (at data.${index})`);
    this.#created = created;
    if (this.#state === 'CLOSED' && !isClosed(summary)) {
      throw invalid(`HostUp listed ticket ${number}, which is not closed, among the closed ones`);
    }
  }
}

function invalid(message: string): UpstreamInvalidResponseError {
  return new UpstreamInvalidResponseError(message, { provider: 'hostup', upstreamStatus: 200 });
}
