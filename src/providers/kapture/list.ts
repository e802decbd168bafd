import { UpstreamFailedError, UpstreamInvalidResponseError } from '../../domain/errors.js';
import {
  checkListFilter,
  type ListedTicket,
  type ListState,
  type TicketEdge,
  type TicketListQuery,
  type TicketPage,
} from '../../domain/ticket-list.js';
import type { UpstreamClient } from '../../upstream/types.js';
import { pullDay } from './list-client.js';
import {
  compareKeys,
  dayBefore,
  dayOf,
  dayRange,
  encodePosition,
  readPosition,
  TICKET_NUMBER,
  type Day,
  type DayRange,
  type KapturePosition,
  type TicketKey,
} from './list-position.js';
import { toListedTicket } from './listed.js';
import { catalogListing } from '../catalog.js';

/**
 * What each pull asks for (`limit`): more than any day is expected to hold. The API has no offset,
 * so a day that answers this many may hold more, which no call can reach: that day fails the list
 * rather than lose tickets (docs/providers/kapture.md, Lists).
 */
export const DAY_LIMIT = 1000;

export interface ListWalk {
  readonly http: UpstreamClient;
  readonly apiKey: string;
  /** The provider's zone: its days are the pull's days, its local times the tickets'. */
  readonly timezone: string;
  /** Default DAY_LIMIT. */
  readonly limit?: number;
}

interface DayTicket {
  readonly key: TicketKey;
  readonly ticket: ListedTicket;
}

/**
 * One page of the tickets created in [createdAfter, createdBefore), newest first: one pull a day,
 * from the position's day (or the range's newest) down, until `first` tickets are found or the
 * range ends (docs/providers/kapture.md, Lists).
 */
export async function listKaptureTickets(query: TicketListQuery, walk: ListWalk): Promise<TicketPage> {
  // The gateway checked the filter against the catalog's facts; checked again, as nothing can be
  // walked without both bounds, nor should a span of months become a call a day.
  const { createdAfter, createdBefore, state } = checkListFilter(
    query.filter,
    catalogListing('kapture')!,
    'Kapture CRM',
  );
  const range = dayRange(createdAfter!, createdBefore!, walk.timezone);
  const start: KapturePosition = query.after === undefined ? { day: range.top } : readPosition(query.after, range);
  const edges: TicketEdge[] = [];
  let resumeAfter = start.after;
  for (let day = start.day; day >= range.bottom; day = dayBefore(day, range.zone)) {
    const found = (await ticketsOfDay(day, range, state, walk)).filter(
      (entry) => resumeAfter === undefined || compareKeys(resumeAfter, entry.key) < 0,
    );
    resumeAfter = undefined;
    const wanted = query.first - edges.length;
    found.slice(0, wanted).forEach((entry, index) => {
      // The day's last ticket points at the day before: a later page need not read this one again.
      const last = index === found.length - 1;
      const position: KapturePosition = last ? { day: dayBefore(day, range.zone) } : { day, after: entry.key };
      edges.push({ ticket: entry.ticket, position: encodePosition(position) });
    });
    // Tickets left on this day: known to follow. A page that ends with a day says more follow
    // while days are left, without reading them (an exact answer would cost their calls).
    if (found.length > wanted) return { edges, hasNextPage: true, totalCount: null };
    if (edges.length === query.first) return { edges, hasNextPage: day > range.bottom, totalCount: null };
  }
  return { edges, hasNextPage: false, totalCount: null };
}

/**
 * One day's tickets within the bounds and the state, newest first. An item created on another day
 * belongs to that day's pull (the inclusive end date repeats a midnight ticket in the day before).
 */
async function ticketsOfDay(day: Day, range: DayRange, state: ListState, walk: ListWalk): Promise<DayTicket[]> {
  const limit = walk.limit ?? DAY_LIMIT;
  const items = await pullDay(walk.http, day, limit, walk.apiKey);
  if (items.length >= limit) {
    throw new UpstreamFailedError(
      `Kapture CRM answered its limit of ${limit} tickets for ${day}; that day may hold more, which its ` +
        'date-range API cannot page through, so it cannot be listed completely',
      { provider: 'kapture', retryable: false },
    );
  }
  const fetchedAt = new Date().toISOString();
  const found: DayTicket[] = [];
  for (const item of items) {
    const { ticket, listed } = toListedTicket(item, { timezone: range.zone, fetchedAt });
    // A number the gateway could not read the ticket by, or a ticket it cannot place, breaks the list.
    if (!TICKET_NUMBER.test(ticket.number) || ticket.createdAt === null) {
      throw new UpstreamInvalidResponseError(
        `Kapture CRM answered a ticket for ${day} without a readable id and creation date`,
        { provider: 'kapture' },
      );
    }
    const at = Date.parse(ticket.createdAt);
    if (dayOf(at, range.zone) !== day || at < range.afterMs || at >= range.beforeMs) continue;
    if (!inState(ticket.status, state)) continue;
    found.push({ key: { at, id: ticket.number }, ticket: listed });
  }
  return found.sort((a, b) => compareKeys(a.key, b.key));
}

/** OPEN is every status but closed (an UNKNOWN tenant status included), as the detail read maps it. */
function inState(status: string, state: ListState): boolean {
  if (state === 'ANY') return true;
  return state === 'CLOSED' ? status === 'CLOSED' : status !== 'CLOSED';
}
