import { DateTime } from 'luxon';
import { isJsonObject, parseJsonBody } from '../json-body.js';
import { authorizationToken, ownerOfKey } from '../keys.js';
import type { SandboxCall, SandboxReply } from '../simulator.js';
import type { TicketStore } from '../ticket-store.js';
import { kaptureFailure } from './errors.js';
import { taskMillis, type KaptureTicket } from './seed.js';
import { readOnce } from '../read-once.js';

/** The tenant's zone: its days are the pull's days, and its tickets' local times are in it. */
const ZONE = 'Asia/Kolkata';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` day's midnight in the tenant's zone, or null for anything else. */
function midnightOf(value: unknown): DateTime | null {
  if (typeof value !== 'string' || !DAY.test(value)) return null;
  const day = DateTime.fromISO(value, { zone: ZONE });
  return day.isValid ? day : null;
}

/** When a ticket was created, by its `date` text: each read once, since a pull looks at every ticket. */
const createdAtOf = readOnce(taskMillis);
const createdAt = (ticket: KaptureTicket): number => createdAtOf(ticket.task_details.date);

/**
 * `POST /select-ticket-between-start-and-end-dates.html/v.2.0` (docs/providers/kapture.md, Lists):
 * a JSON array of one `{start_date, end_date, limit?}`. Both dates are days and both are included,
 * the end one up to its closing midnight inclusive, as a SQL `BETWEEN` would: a ticket created at
 * 00:00 is answered for its own day and for the day before. At most 24 hours a call: the two dates
 * must be one day. Answers the tenant's tickets created then, oldest first, at most `limit`, each
 * as its `task_details` fields, flat. Failures come with HTTP 200; the wording of those the
 * reference does not give is the sandbox's own.
 */
export function pullTickets(call: SandboxCall, store: TicketStore<KaptureTicket>): SandboxReply {
  const owner = ownerOfKey('kapture', authorizationToken(call.headers.authorization, 'Basic'));
  if (owner === undefined) return kaptureFailure('Invalid Auth Key');
  const body = parseJsonBody(call.body);
  // The search refuses an array with these words; this endpoint takes one, and refuses the rest alike.
  if (!Array.isArray(body) || body.length !== 1 || !isJsonObject(body[0])) return kaptureFailure('Invalid Json.');
  const { start_date: startDate, end_date: endDate, limit } = body[0];
  for (const [name, value] of [
    ['start_date', startDate],
    ['end_date', endDate],
  ] as const) {
    // Kapture's older public page gives this wording for a missing date.
    if (typeof value !== 'string' || value.trim() === '') return kaptureFailure(`either ${name} is null or blank`);
    if (midnightOf(value) === null) return kaptureFailure(`Invalid Format.${name} should be yyyy-MM-dd.`);
  }
  const start = midnightOf(startDate)!;
  const end = midnightOf(endDate)!.plus({ days: 1 });
  if (end.diff(start, 'hours').hours !== 24) return kaptureFailure('Date range should be within 24 hours.');
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)) {
    return kaptureFailure('Invalid Format.limit should be a positive number.');
  }
  const found = store
    .all()
    .filter((entry) => entry.owner === owner)
    .map((entry) => ({ at: createdAt(entry.ticket), task: entry.ticket.task_details }))
    .filter(({ at }) => at >= start.toMillis() && at <= end.toMillis())
    .sort((a, b) => a.at - b.at || a.task.taskId - b.task.taskId)
    .slice(0, typeof limit === 'number' ? limit : undefined)
    .map(({ task }) => structuredClone(task));
  return { status: 200, body: { totalCount: null, message: found, status: 'success' } };
}
