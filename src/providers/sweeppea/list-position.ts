import { z } from 'zod';
import { parseIsoDate } from '../../domain/dates.js';
import { BadUserInputError } from '../../domain/errors.js';
import type { IsoDateTime } from '../../domain/model.js';
import type { ListPosition, ListState } from '../../domain/ticket-list.js';
import type { SweeppeaList } from './client.js';
import { SWEEPPEA_PAGE_SIZE } from './list-payload.js';

// Types, not interfaces: a position is plain JSON (ListPosition), which an interface is not known to be.

/** Where the next ticket of one list stands: its page (from 1) and its place on that page (from 0). */
export type ListSpot = {
  readonly page: number;
  readonly offset: number;
};

/**
 * Where one of Sweeppea's lists stands after an edge (docs/providers/sweeppea.md, Lists): `next`,
 * the spot of its next ticket, or null when none follows; `total`, its TotalTickets when last
 * read; `newest`, for a walk over both lists, the creation date that no ticket left in it is
 * newer than (the next one's when known, else the last one taken), so the walk can tell without
 * a call that the other list's ticket comes first.
 */
export type ListCursor = {
  readonly next: ListSpot | null;
  readonly total: number;
  readonly newest?: IsoDateTime;
};

/** A position: one cursor for each list the filter's state walks. */
export type SweeppeaPosition = Partial<Record<SweeppeaList, ListCursor>>;

/** The lists a state walks, in the order that breaks ties of creation date: open first. */
export const LISTS_OF_STATE: Readonly<Record<ListState, readonly SweeppeaList[]>> = {
  OPEN: ['open'],
  CLOSED: ['closed'],
  ANY: ['open', 'closed'],
};

/** More pages than any Sweeppea account will have; a bound for forged positions. */
const MAX_PAGE = 1_000_000;

const cursorShape = z
  .strictObject({
    next: z
      .strictObject({
        page: z.number().int().min(1).max(MAX_PAGE),
        offset: z
          .number()
          .int()
          .min(0)
          .max(SWEEPPEA_PAGE_SIZE - 1),
      })
      .nullable(),
    total: z.number().int().min(0).max(999_999_999),
    newest: z
      .string()
      .refine((text) => parseIsoDate(text) === text, 'not a date this gateway wrote')
      .optional(),
  })
  // A next ticket the list's count had no room for is not a place this gateway put an edge.
  .refine(
    ({ next, total }) => next === null || (next.page - 1) * SWEEPPEA_PAGE_SIZE + next.offset < total,
    'past the end of the list',
  );

const positionShapes: Readonly<Record<ListState, z.ZodType<SweeppeaPosition>>> = {
  OPEN: z.strictObject({ open: cursorShape }),
  CLOSED: z.strictObject({ closed: cursorShape }),
  ANY: z.strictObject({ open: cursorShape, closed: cursorShape }),
};

/**
 * The position a page resumes after, checked against the shape this provider gives the state's
 * positions; BadUserInputError, before any call, for one it could not have issued for that state.
 */
export function readPosition(after: ListPosition, state: ListState): SweeppeaPosition {
  const parsed = positionShapes[state].safeParse(after);
  if (!parsed.success) {
    throw new BadUserInputError(`\`after\` is not a position in Sweeppea's ${state.toLowerCase()} tickets`, {
      provider: 'sweeppea',
    });
  }
  return parsed.data;
}
