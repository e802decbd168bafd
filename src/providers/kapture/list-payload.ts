import { z } from 'zod';
import { taskDetailsShape } from './payload.js';

/**
 * One item of the date-range pull: the ticket's `task_details` fields, flat (docs/providers/kapture.md,
 * Lists). The fields the search's shape checks are checked alike; `ticketId`, `date` (the creation
 * time the walk orders and bounds by) and `status` (what the state filter reads) must be there.
 * Fields the item lacks are simply not listed.
 */
export const pulledTicketShape = taskDetailsShape.extend({
  date: taskDetailsShape.shape.date.unwrap().unwrap(),
  status: z.string(),
});
export type PulledTicket = z.infer<typeof pulledTicketShape>;

/** The pull's success: `{totalCount, message: [item], status: "success"}` (docs/providers/kapture.md, Lists). */
export const pulledDayShape = z.object({
  status: z.literal('success'),
  message: z.array(pulledTicketShape),
});
