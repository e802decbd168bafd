import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TenantOwner } from '../types.js';
import type { HostupTicket } from './seed.js';
import { type FieldProblem, problem } from './v2-errors.js';
import type { HostupV2State } from './v2-state.js';
import { createdMillis, detailOf, statusOf, summaryOf, V2_STATUSES } from './v2-view.js';

/** A page when the call names no `limit` (the docs give 1 to 100 and no default). */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** `GET /api/v2/support/tickets/{id}`: the ticket in v2's form. */
export function getTicket(ticket: HostupTicket, state: HostupV2State): SandboxReply {
  return { status: 200, body: detailOf(ticket, state.encrypted) };
}

/** The filters of a list call, which its cursors are bound to. */
interface ListFilter {
  readonly status: string | null;
  readonly department: string | null;
}

/**
 * Where a page ends, as its cursor holds it: the last ticket's creation time (`c`) and number
 * (`n`), as in the documented example's cursor, and the filters it was read with (`s`, `d`).
 */
interface Cursor {
  readonly c: number;
  readonly n: string;
  readonly s: string | null;
  readonly d: string | null;
}

/** The cursor is opaque to clients: base64url of its JSON. */
function cursorOf(ticket: HostupTicket, filter: ListFilter): string {
  const cursor: Cursor = { c: createdMillis(ticket), n: ticket.number, s: filter.status, d: filter.department };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor this API issued, or undefined. */
function readCursor(text: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { c, n, s, d } = value as Record<string, unknown>;
    const filterWord = (word: unknown) => word === null || typeof word === 'string';
    return Number.isSafeInteger(c) && typeof n === 'string' && /^\d{1,15}$/.test(n) && filterWord(s) && filterWord(d)
      ? (value as Cursor)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Newest created first; of one instant, the higher number first. */
const newestFirst = (a: HostupTicket, b: HostupTicket): number =>
  createdMillis(b) - createdMillis(a) || Number(b.number) - Number(a.number);
/** Whether `ticket` comes after the ticket a cursor stands at. */
const after = (cursor: Cursor, ticket: HostupTicket): boolean =>
  createdMillis(ticket) < cursor.c || (createdMillis(ticket) === cursor.c && Number(ticket.number) < Number(cursor.n));

/**
 * `GET /api/v2/support/tickets?limit=1..100&cursor=&status=&departmentSlug=`: `{data: [summary],
 * nextCursor}`, newest created first (of one second, the higher number first), the caller's
 * tickets only; `nextCursor` is null on the last page. A cursor holds the filters it was issued
 * for and is refused with others: it continues one list, not another.
 */
export function listTickets(call: SandboxCall, owner: TenantOwner, state: HostupV2State): SandboxReply {
  const query = new URL(call.url, 'http://sandbox').searchParams;
  const errors: FieldProblem[] = [];
  const limitText = query.get('limit');
  const limit = limitText === null ? DEFAULT_LIMIT : /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
  if (limit < 1 || limit > MAX_LIMIT) errors.push({ field: 'limit', message: `must be 1 to ${MAX_LIMIT}` });
  const filter: ListFilter = { status: query.get('status'), department: query.get('departmentSlug') };
  if (filter.status !== null && !V2_STATUSES.includes(filter.status)) {
    errors.push({ field: 'status', message: `must be one of ${V2_STATUSES.join(', ')}` });
  }
  const cursorText = query.get('cursor');
  const cursor = cursorText === null || cursorText === '' ? null : readCursor(cursorText);
  if (cursor === undefined) {
    errors.push({ field: 'cursor', message: 'is not a cursor this API issued' });
  } else if (cursor !== null && (cursor.s !== filter.status || cursor.d !== filter.department)) {
    errors.push({ field: 'cursor', message: 'was issued for other filters' });
  }
  if (errors.length > 0 || cursor === undefined) {
    return problem(400, call.pathname, { detail: 'The query is invalid.', errors });
  }
  const matching = state.store
    .all()
    .filter((entry) => entry.owner === owner)
    .map((entry) => entry.ticket)
    .filter((ticket) => filter.status === null || statusOf(ticket) === filter.status)
    .filter((ticket) => filter.department === null || summaryOf(ticket).departmentSlug === filter.department)
    .filter((ticket) => cursor === null || after(cursor, ticket))
    .sort(newestFirst);
  const page = matching.slice(0, limit);
  const last = page.at(-1);
  return {
    status: 200,
    body: {
      data: page.map(summaryOf),
      nextCursor: matching.length > limit && last ? cursorOf(last, filter) : null,
    },
  };
}
