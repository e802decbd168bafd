import { DateTime } from 'luxon';
import { z } from 'zod';
import { BadUserInputError } from '../../domain/errors.js';
import type { ListPosition } from '../../domain/ticket-list.js';

/** A day of the provider's zone, as the pull takes it: `YYYY-MM-DD`. */
export type Day = string;

/** The days a walk reads, newest first: the day holding the last instant before `before`, down to the day of `after`. */
export interface DayRange {
  readonly top: Day;
  readonly bottom: Day;
  /** The bounds as instants: `after` inclusive, `before` exclusive. */
  readonly afterMs: number;
  readonly beforeMs: number;
  readonly zone: string;
}

/** Where an edge stands: the ticket's creation instant and its id, which order the list. */
export interface TicketKey {
  readonly at: number;
  readonly id: string;
}

/**
 * Where the list resumes: `day` from its newest ticket, or, with `at` and `id`, `day` after that
 * ticket. The edge that ends its day points at the day before, so a later page never reads a
 * day it has used up again. Past the range's last day, the list is over.
 */
export interface KapturePosition {
  readonly day: Day;
  readonly after?: TicketKey;
}

export function dayOf(ms: number, zone: string): Day {
  return DateTime.fromMillis(ms, { zone }).toISODate()!;
}

export function dayBefore(day: Day, zone: string): Day {
  return DateTime.fromISO(day, { zone }).minus({ days: 1 }).toISODate()!;
}

/** `createdBefore` is exclusive: a bound at midnight does not read the day it opens. */
export function dayRange(createdAfter: string, createdBefore: string, zone: string): DayRange {
  const afterMs = Date.parse(createdAfter);
  const beforeMs = Date.parse(createdBefore);
  return { top: dayOf(beforeMs - 1, zone), bottom: dayOf(afterMs, zone), afterMs, beforeMs, zone };
}

/** Newest first; within a minute (Kapture's dates have no seconds), the higher ticket id first. */
export function compareKeys(a: TicketKey, b: TicketKey): number {
  if (a.at !== b.at) return b.at - a.at;
  return b.id.length - a.id.length || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function encodePosition(position: KapturePosition): ListPosition {
  return position.after === undefined
    ? { day: position.day }
    : { day: position.day, at: position.after.at, id: position.after.id };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A canonical ticket number (index.ts's parseNumber): what an edge's ticket is read back by. */
export const TICKET_NUMBER = /^[1-9]\d{0,19}$/;
const positionShape = z.union([
  z.strictObject({ day: z.string().regex(DAY) }),
  z.strictObject({
    day: z.string().regex(DAY),
    at: z.number().int().safe(),
    id: z.string().regex(TICKET_NUMBER),
  }),
]);

/**
 * A position this provider could have issued for `range`, or BadUserInputError: its day is one
 * of the range's, or the day after it ends; a ticket it names lies within the bounds, on that day.
 */
export function readPosition(value: ListPosition, range: DayRange): KapturePosition {
  const parsed = positionShape.safeParse(value);
  const refused = () =>
    new BadUserInputError('`after` is not a position in this Kapture CRM list', { provider: 'kapture' });
  if (!parsed.success || !DateTime.fromISO(parsed.data.day, { zone: range.zone }).isValid) throw refused();
  const { day } = parsed.data;
  // ISO days compare as text.
  if (day > range.top || day < dayBefore(range.bottom, range.zone)) throw refused();
  if (!('at' in parsed.data)) return { day };
  const { at, id } = parsed.data;
  if (at < range.afterMs || at >= range.beforeMs || dayOf(at, range.zone) !== day) throw refused();
  return { day, after: { at, id } };
}
