import { z } from 'zod';
import { BadUserInputError } from '../../../domain/errors.js';
import { LIST_STATES, type ListPosition, type ListState } from '../../../domain/ticket-list.js';
import { MAX_LIST_LIMIT } from './list-payload.js';

/**
 * Where the walk of HostUp's list stands (docs/providers/hostup.md, Lists): the upstream page it
 * reads next (`cursor`, null for the first), how many of that page's tickets are behind it
 * (`skip`), and the number of the last ticket behind it (`last`), by which a page read again is
 * resumed even when tickets came or went before that point since.
 */
export interface ReadPoint {
  readonly cursor: string | null;
  readonly skip: number;
  readonly last: string | null;
}

/** The start of a list. */
const START: ReadPoint = { cursor: null, skip: 0, last: null };

/**
 * A position as listTicketsV2 puts it on an edge: the read point after the edge and the state
 * filter of its list, whose walk the cursor belongs to. Every edge stands after a ticket, so `last`
 * is a canonical number, and a point in the first page has a `skip`.
 */
const positionShape = z
  .strictObject({
    state: z.enum(LIST_STATES),
    cursor: z.string().min(1).max(2_048).nullable(),
    skip: z.int().min(0).max(MAX_LIST_LIMIT),
    last: z.string().regex(/^[1-9]\d{0,9}$/),
  })
  .refine((position) => position.cursor !== null || position.skip > 0);

/** The position an edge gets: where its list resumes after it. */
export function positionOf(point: ReadPoint, state: ListState): ListPosition {
  return { state, cursor: point.cursor, skip: point.skip, last: point.last };
}

/**
 * Where a page of a `state` list starts: after `after`, or at the start. A position the walk
 * could not have issued, or one of a list with another state filter, is BAD_USER_INPUT, before
 * any call.
 */
export function readPosition(after: ListPosition | undefined, state: ListState): ReadPoint {
  if (after === undefined) return START;
  const position = positionShape.safeParse(after);
  if (!position.success) {
    throw new BadUserInputError('The cursor does not hold a place in a HostUp ticket list', { provider: 'hostup' });
  }
  if (position.data.state !== state) {
    throw new BadUserInputError(
      `The cursor continues the HostUp list of state ${position.data.state}, not of ${state}: list from the first page`,
      { provider: 'hostup' },
    );
  }
  const { cursor, skip, last } = position.data;
  return { cursor, skip, last };
}
