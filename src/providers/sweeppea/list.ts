import { UpstreamInvalidResponseError } from '../../domain/errors.js';
import type { IsoDateTime } from '../../domain/model.js';
import type { ListedTicket, TicketEdge, TicketListQuery, TicketPage } from '../../domain/ticket-list.js';
import type { SweeppeaList } from './client.js';
import { createdAtOf, type SweeppeaListPage } from './list-payload.js';
import {
  LISTS_OF_STATE,
  readPosition,
  type ListCursor,
  type ListSpot,
  type SweeppeaPosition,
} from './list-position.js';
import { toListedFields } from './mapper.js';

/** What the walk needs: one page of one list, read and checked (see readListPage); the case number rule. */
export interface ListReader {
  readonly read: (list: SweeppeaList, page: number) => Promise<SweeppeaListPage>;
  readonly parseNumber: (number: string) => string;
}

/** A summary ready to be an edge. */
interface Entry {
  readonly ticket: ListedTicket;
  readonly createdAt: IsoDateTime;
  /** Read already by this walk, on an earlier page or in the other list: passed over, no edge. */
  readonly shown: boolean;
}

/** One list as the walk goes: its cursor, and the rest of the page it stands on once read. */
interface Stream {
  readonly list: SweeppeaList;
  cursor: ListCursor;
  /** TotalPages of the last answer; known once the list was read in this walk. */
  pages?: number;
  /** The summaries of `cursor.next`'s page from its offset on, never empty; absent until read. */
  rest?: Entry[];
}

/** Where a walk read a case number: the list, the upstream page, the place in its `Tickets`. */
interface Place {
  readonly list: SweeppeaList;
  readonly page: number;
  readonly index: number;
}

/** Every case number one page's walk has read, with where it first read it. */
type Seen = Map<string, Place>;

/**
 * One page of Sweeppea's tickets (docs/providers/sweeppea.md, Lists): OPEN walks
 * fetchOpenTickets, CLOSED fetchClosedTickets, ANY merges the two by creation date, newest first,
 * the open ticket first of two created at the same instant. A list's page is read only when the
 * next edge cannot be chosen without it, so `first` costs the pages it covers and no more. A case
 * number twice on one upstream page fails the page; one read again on a later read of the walk
 * (the lists moved between two calls) is passed over, see readInto.
 */
export async function listSweeppeaTickets(query: TicketListQuery, reader: ListReader): Promise<TicketPage> {
  const lists = LISTS_OF_STATE[query.filter.state];
  const position = query.after === undefined ? undefined : readPosition(query.after, query.filter.state);
  const streams: Stream[] = lists.map((list) => ({
    list,
    cursor: position?.[list] ?? { next: { page: 1, offset: 0 }, total: 0 },
  }));
  const seen: Seen = new Map();
  const edges: TicketEdge[] = [];
  while (edges.length < query.first) {
    const move = nextMove(streams.filter((stream) => stream.cursor.next !== null));
    if (move === undefined) break;
    if ('read' in move) {
      await readInto(move.read, reader, seen);
      continue;
    }
    const entry = take(move.take);
    if (!entry.shown) edges.push({ ticket: entry.ticket, position: positionOf(streams) });
  }
  return {
    edges,
    hasNextPage: streams.some((stream) => stream.cursor.next !== null),
    totalCount: streams.reduce((sum, stream) => sum + stream.cursor.total, 0),
  };
}

const timeOf = (date: IsoDateTime): number => Date.parse(date);

/**
 * Which list gives the next edge, or which must be read first: the newest ticket among the lists
 * read, unless a list not read yet may hold a newer one (or one as new that comes first). With
 * no list left, the walk is over.
 */
function nextMove(live: Stream[]): { take: Stream } | { read: Stream } | undefined {
  let best: Stream | undefined;
  for (const stream of live) {
    if (stream.rest !== undefined && (best === undefined || headTime(stream) > headTime(best))) best = stream;
  }
  for (const stream of live) {
    if (stream.rest === undefined && (best === undefined || !comesBefore(best, stream, live))) return { read: stream };
  }
  return best && { take: best };
}

const headTime = (stream: Stream): number => timeOf(stream.rest![0]!.createdAt);

/** Whether `best`'s next ticket comes before everything left in `unread`, as far as its cursor says. */
function comesBefore(best: Stream, unread: Stream, order: Stream[]): boolean {
  const newest = unread.cursor.newest;
  if (newest === undefined) return false;
  const time = headTime(best);
  return time > timeOf(newest) || (time === timeOf(newest) && order.indexOf(best) < order.indexOf(unread));
}

/**
 * Reads the page the stream's next ticket is on; a list with nothing left there moves on or ends.
 * Every summary of the page is checked, also those before the offset: a case number no ticket
 * can have, or one twice on this page, is a page the walk cannot trust, and fails it. One this
 * walk read on an earlier call (another page of this list, or the other list) is the list moving
 * between two calls, a ticket created or closed meanwhile: it keeps its place, so the offsets
 * still count Sweeppea's rows, but gives no edge, having given one already
 * (docs/providers/sweeppea.md, Lists).
 */
async function readInto(stream: Stream, reader: ListReader, seen: Seen): Promise<void> {
  const spot = stream.cursor.next!;
  const page = await reader.read(stream.list, spot.page);
  const fetchedAt = new Date().toISOString();
  const entries = page.tickets.map((summary, index) => {
    let number: string;
    try {
      number = reader.parseNumber(String(summary.CaseNumber));
    } catch (cause) {
      throw new UpstreamInvalidResponseError('Sweeppea listed a case number no ticket can have', {
        provider: 'sweeppea',
        cause,
      });
    }
    const place: Place = { list: stream.list, page: spot.page, index };
    const before = seen.get(number);
    if (before !== undefined && before.list === place.list && before.page === place.page) {
      throw new UpstreamInvalidResponseError(
        `Sweeppea listed case ${number} twice: at ${where(before)}, and at ${where(place)}`,
        { provider: 'sweeppea' },
      );
    }
    if (before === undefined) seen.set(number, place);
    return { summary, number, shown: before !== undefined };
  });
  const rest = entries.slice(spot.offset).map(({ summary, number, shown }) => {
    const listed = toListedFields(summary, stream.list === 'closed', { fetchedAt });
    return {
      ticket: { provider: 'sweeppea', number, listed },
      createdAt: createdAtOf(summary),
      shown,
    } satisfies Entry;
  });
  stream.pages = page.totalPages;
  if (rest.length > 0) {
    stream.rest = rest;
    stream.cursor = { next: spot, total: page.total, newest: rest[0]!.createdAt };
  } else {
    // Only the last page can end before the offset: the list lost tickets since the position was made.
    stream.cursor = { next: afterPage(spot, page.totalPages), total: page.total };
  }
}

const where = ({ list, page, index }: Place): string => `Tickets.${index} of page ${page} of its ${list} tickets`;

/** Takes the stream's next ticket and moves its cursor past it. */
function take(stream: Stream): Entry {
  const rest = stream.rest!;
  const entry = rest.shift()!;
  const spot = stream.cursor.next!;
  if (rest.length > 0) {
    stream.cursor = { ...stream.cursor, next: { ...spot, offset: spot.offset + 1 }, newest: rest[0]!.createdAt };
  } else {
    stream.rest = undefined;
    stream.cursor = { ...stream.cursor, next: afterPage(spot, stream.pages!), newest: entry.createdAt };
  }
  return entry;
}

const afterPage = (spot: ListSpot, pages: number): ListSpot | null =>
  spot.page < pages ? { page: spot.page + 1, offset: 0 } : null;

/** Every list's cursor; `newest` only where there are two lists to merge. */
function positionOf(streams: Stream[]): SweeppeaPosition {
  return Object.fromEntries(
    streams.map(({ list, cursor: { newest, ...cursor } }) => [
      list,
      streams.length > 1 && newest !== undefined ? { ...cursor, newest } : cursor,
    ]),
  );
}
