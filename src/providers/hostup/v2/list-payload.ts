import { z } from 'zod';
import { idLike } from '../../kit/payload-fields.js';
import { hostupV2TicketShape, instant } from './payload.js';

/** Most tickets one list call may ask for (`limit`, docs/providers/hostup.md, Lists). */
export const MAX_LIST_LIMIT = 100;

/**
 * One ticket of a list page: the fields of a ticket without `body`, `attachments` and `messages`
 * (docs/providers/hostup.md, Lists). `createdAt` is required here: the list is in its order, which
 * the walk checks. `messageCount` is read only to know that a ticket has no message; `id`,
 * `ccEmails` and `departmentSlug` are not mapped.
 */
export const hostupV2SummaryShape = hostupV2TicketShape
  .omit({ body: true, attachments: true, messages: true })
  .extend({ createdAt: instant, messageCount: idLike.nullish() });
export type HostupV2Summary = z.infer<typeof hostupV2SummaryShape>;

/**
 * `GET /api/v2/support/tickets`: `{data: [summary], nextCursor}`, the cursor opaque, absent or
 * null on the last page.
 */
export const hostupV2PageShape = z.object({
  data: z.array(hostupV2SummaryShape).max(MAX_LIST_LIMIT),
  nextCursor: z.string().max(2_048).nullish(),
});
export type HostupV2Page = z.infer<typeof hostupV2PageShape>;
