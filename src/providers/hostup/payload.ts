import { z } from 'zod';
import { isLocalDate } from '../../domain/dates.js';
import { idLike, text } from '../kit/payload-fields.js';
import { textOf } from '../kit/upstream-text.js';

/**
 * docs/providers/hostup.md: HostBill-style `YYYY-MM-DD HH:MM:SS` in server time, no zone. An ISO-8601 date
 * (the v2 API's) is read as well: with its own offset, or as UTC when it has none, since the v2
 * API sends UTC (docs/providers/hostup.md).
 */
export const HOSTUP_ISO_ZONE = 'UTC';
export const HOSTUP_DATE_FORMATS = ['yyyy-MM-dd HH:mm:ss'] as const;

/**
 * A date the mapper reads must parse, or the whole answer is invalid. The format does not depend
 * on the zone, so it is only checked here and read in the configured zone by the mapper;
 * HostBill's all-zero "never" reads as null.
 */
const localDate = z
  .string()
  .refine((text) => isLocalDate(text, HOSTUP_DATE_FORMATS), 'not a yyyy-MM-dd HH:mm:ss or ISO-8601 date');

const ownerShape = z.object({ id: idLike.nullish(), username: text, firstname: text, lastname: text, email: text });
const replyShape = z.object({
  id: idLike,
  name: text,
  email: text,
  date: localDate.nullish(),
  body: text,
  type: text,
});

/** The number users see: `ticket_number`, else `number`, else the row `id`; null when none is set. */
export function ticketNumberOf(ticket: { ticket_number?: unknown; number?: unknown; id?: unknown }): string | null {
  for (const value of [ticket.ticket_number, ticket.number, ticket.id]) {
    const candidate = textOf(value);
    if (candidate !== null && candidate !== '0') return candidate;
  }
  return null;
}

/**
 * `data.ticket` of the legacy API: the fields the mapper reads are checked, every other one
 * stays in the payload, which checkShape keeps whole as `raw` (no transforms here).
 */
export const hostupTicketShape = z
  .object({
    id: idLike.nullish(),
    ticket_number: idLike.nullish(),
    number: idLike.nullish(),
    date: localDate.nullish(),
    lastreply: localDate.nullish(),
    lastupdate: localDate.nullish(),
    resolve_date: localDate.nullish(),
    name: text,
    email: text,
    subject: text,
    body: text,
    status: text,
    priority: text,
    deptname: text,
    tags: z.array(idLike).nullish(),
    // PHP encodes an empty associative array as `[]`: an unassigned ticket's owner may be one.
    owner: z.union([ownerShape, z.array(z.unknown())]).nullish(),
    replies: z.array(replyShape).nullish(),
    // String arrays in the documented example (docs/providers/hostup.md); other elements are left
    // in `raw` by the mapper.
    attachments: z.array(z.unknown()).nullish(),
    notes: z.array(z.unknown()).nullish(),
  })
  .refine((ticket) => ticketNumberOf(ticket) !== null, 'no ticket_number, number or id');
export type HostupTicket = z.infer<typeof hostupTicketShape>;
export type HostupReply = NonNullable<HostupTicket['replies']>[number];
export type HostupOwner = z.infer<typeof ownerShape>;

/** The whole answer: the envelope's `timestamp` and `requestId` are kept, for `raw`. */
export const hostupSuccessShape = z.object({
  success: z.literal(true),
  data: z.object({ ticket: hostupTicketShape }),
});
export type HostupAnswer = z.infer<typeof hostupSuccessShape>;

/** Legacy errors `{error, message, code, timestamp, requestId}`; 429's has `retryAfter` instead of `code`. */
export const hostupErrorShape = z.object({ error: z.string() });
