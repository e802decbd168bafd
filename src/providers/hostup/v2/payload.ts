import { z } from 'zod';
import { parseIsoDate } from '../../../domain/dates.js';
import { idLike, text } from '../../kit/payload-fields.js';
import { textOf } from '../../kit/upstream-text.js';

/**
 * docs/providers/hostup.md, v2 API: dates are ISO-8601 in UTC. One sent without an offset is read
 * as the UTC it is documented to be; anything that is not an ISO date and time makes the answer
 * invalid.
 */
export const HOSTUP_V2_ZONE = 'UTC';
export const instant = z
  .string()
  .refine((value) => parseIsoDate(value, HOSTUP_V2_ZONE) !== undefined, 'not an ISO-8601 date and time');

/**
 * An attachment: `id`, file name, size and content type (docs/providers/hostup.md, v2 answer
 * shapes). `size` is read by the mapper as far as it is a byte count; any other value stays in `raw`.
 */
const attachmentShape = z.object({ id: idLike, fileName: text, name: text, size: z.unknown(), contentType: text });
export type HostupV2Attachment = z.infer<typeof attachmentShape>;

/**
 * One message of a ticket's conversation, as `messages[]` of a ticket and the answer to
 * `POST …/messages` have it; `ticketId` and `encrypted` stay in `raw`.
 */
export const hostupV2MessageShape = z.object({
  id: idLike,
  sentAt: instant.nullish(),
  body: text,
  sender: text,
  senderName: text,
  attachments: z.array(attachmentShape).nullish(),
});
export type HostupV2Message = z.infer<typeof hostupV2MessageShape>;

/**
 * `GET /api/v2/support/tickets/{id}`: a summary's fields plus `body`, `attachments`, `messages`
 * (and `linkedServices`). The fields the mapper reads are checked; every other one (`ccEmails`,
 * `messageCount`, `departmentSlug`, `linkedServices`, …) stays in the payload, which checkShape
 * keeps whole as `raw`.
 */
export const hostupV2TicketShape = z.object({
  // The public id (`tkt_…`) the write routes are called with.
  id: idLike.nullish(),
  // The customer-facing number, a string that is normally digits.
  number: idLike.refine((value) => textOf(value) !== null, 'no ticket number'),
  subject: text,
  body: text,
  status: text,
  priority: text,
  departmentName: text,
  departmentSlug: text,
  createdAt: instant.nullish(),
  updatedAt: instant.nullish(),
  lastMessageAt: instant.nullish(),
  requesterName: text,
  attachments: z.array(attachmentShape).nullish(),
  messages: z.array(hostupV2MessageShape).nullish(),
});
export type HostupV2Ticket = z.infer<typeof hostupV2TicketShape>;

/**
 * The same document under `data`, as the list wraps its page (unconfirmed for one ticket,
 * docs/providers/hostup.md): read too, so that either form is a ticket.
 */
export const hostupV2WrappedShape = z.object({ data: hostupV2TicketShape });

/** The whole answer, kept as `raw`: the ticket document, or that document under `data`. */
export type HostupV2Answer = HostupV2Ticket | z.infer<typeof hostupV2WrappedShape>;

/** Whether a body is the wrapped form: a `data` and no `number` of its own. */
export function isWrapped(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'data' in body && !('number' in body);
}

/** The ticket document of an answer, wrapped in `data` or not. */
export function ticketOfAnswer(answer: HostupV2Answer): HostupV2Ticket {
  return 'number' in answer ? answer : answer.data;
}

/**
 * The public id (`tkt_…`) of a v2 ticket as kept in its `raw`; null when `raw` holds none (a
 * ticket read through the legacy API has only its number).
 */
export function publicIdOf(raw: unknown): string | null {
  const document: unknown = isWrapped(raw) ? (raw as { data: unknown }).data : raw;
  if (typeof document !== 'object' || document === null || !('number' in document)) return null;
  return 'id' in document ? textOf(document.id) : null;
}

/**
 * An RFC 7807 problem document (`application/problem+json`): `{type, title, status, detail, code,
 * instance, requestId, timestamp, errors?}`. Only `code` is read: it is the stable name of the
 * failure, where `detail` is prose that may change (docs/providers/hostup.md, v2 errors).
 */
export const hostupProblemShape = z.object({ code: z.string() });
