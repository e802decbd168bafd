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

/** Where a page ends: the last ticket's creation time and number, newest first. */
type Position = readonly [created: number, number: number];

/** The cursor is opaque to clients: base64url of the last position. */
function cursorOf(ticket: HostupTicket): string {
  const position: Position = [createdMillis(ticket), Number(ticket.number)];
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** A cursor this API issued, or undefined. */
function positionOf(cursor: string): Position | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.length === 2 && value.every(Number.isSafeInteger)
      ? (value as unknown as Position)
      : undefined;
  } catch {
    return undefined;
  }
}

const positionOfTicket = (ticket: HostupTicket): Position => [createdMillis(ticket), Number(ticket.number)];
/** Newest created first; of one instant, the higher number first. */
const before = (a: Position, b: Position): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * `GET /api/v2/support/tickets?limit=1..100&cursor=&status=&departmentSlug=`: `{data: [summary],
 * nextCursor}`, newest first, the caller's tickets only; `nextCursor` is null on the last page.
 */
export function listTickets(call: SandboxCall, owner: TenantOwner, state: HostupV2State): SandboxReply {
  const query = new URL(call.url, 'http://sandbox').searchParams;
  const errors: FieldProblem[] = [];
  const limitText = query.get('limit');
  const limit = limitText === null ? DEFAULT_LIMIT : /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
  if (limit < 1 || limit > MAX_LIMIT) errors.push({ field: 'limit', message: `must be 1 to ${MAX_LIMIT}` });
  const status = query.get('status');
  if (status !== null && !V2_STATUSES.includes(status)) {
    errors.push({ field: 'status', message: `must be one of ${V2_STATUSES.join(', ')}` });
  }
  const cursor = query.get('cursor');
  const after = cursor === null || cursor === '' ? null : positionOf(cursor);
  if (after === undefined) errors.push({ field: 'cursor', message: 'is not a cursor this API issued' });
  if (errors.length > 0 || after === undefined) {
    return problem(400, call.pathname, { detail: 'The query is invalid.', errors });
  }
  const department = query.get('departmentSlug');
  const matching = state.store
    .all()
    .filter((entry) => entry.owner === owner)
    .map((entry) => entry.ticket)
    .filter((ticket) => status === null || statusOf(ticket) === status)
    .filter((ticket) => department === null || summaryOf(ticket).departmentSlug === department)
    .filter((ticket) => after === null || before(after, positionOfTicket(ticket)))
    .sort((a, b) => (before(positionOfTicket(a), positionOfTicket(b)) ? -1 : 1));
  const page = matching.slice(0, limit);
  const last = page.at(-1);
  return {
    status: 200,
    body: { data: page.map(summaryOf), nextCursor: matching.length > limit && last ? cursorOf(last) : null },
  };
}
