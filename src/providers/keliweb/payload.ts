import { z } from 'zod';
import { isLocalDate } from '../../domain/dates.js';
import { idLike } from '../kit/payload-fields.js';
import { textOf } from '../kit/upstream-text.js';

/**
 * docs/providers/keliweb.md: WHMCS dates are `Y-m-d H:i:s`, zone-less (Europe/Rome by default);
 * ISO-8601 is read too (parseLocalDate).
 */
export const KELIWEB_DATE_FORMATS = ['yyyy-MM-dd HH:mm:ss'] as const;

/**
 * A date the mapper reads must parse, or the whole answer is invalid (the same rule as every
 * provider). The format does not depend on the zone, so it is only checked here and read in
 * the configured zone by the mapper; WHMCS's empty or all-zero "never" reads as null.
 */
const localDate = z
  .string()
  .refine((text) => isLocalDate(text, KELIWEB_DATE_FORMATS), 'not a yyyy-MM-dd HH:mm:ss or ISO-8601 date')
  .nullish();

/**
 * docs/providers/keliweb.md: every WHMCS value is a string, but numbers may come as numbers. Accepted as
 * either and read through `textOf` by the mapper: no transform, so `raw` is the payload as received.
 */
const whmcsValue = idLike.nullish();

/**
 * PHP's json_encode writes an empty list as `[]` instead of `{reply: []}` / `{note: []}`
 * (docs/providers/keliweb.md).
 */
const emptyList = z.array(z.unknown()).max(0);

const replyShape = z.object({
  replyid: idLike,
  userid: whmcsValue,
  contactid: whmcsValue,
  name: whmcsValue,
  email: whmcsValue,
  date: localDate,
  message: whmcsValue,
  attachment: whmcsValue,
  admin: whmcsValue,
});
const noteShape = z.object({ noteid: idLike, date: localDate, message: whmcsValue, admin: whmcsValue });

/** The number users see: `tid` in the documented example, `ticketnum` in its table; tid first. */
export function ticketNumberOf(ticket: { tid?: unknown; ticketnum?: unknown }): string | null {
  return textOf(ticket.tid) ?? textOf(ticket.ticketnum);
}

/**
 * WHMCS `GetTicket` as Keliweb answers it: the fields the mapper reads are checked, every other
 * one stays in the payload, which checkShape keeps whole.
 */
export const keliwebTicketShape = z
  .object({
    result: z.literal('success'),
    ticketid: whmcsValue,
    tid: whmcsValue,
    ticketnum: whmcsValue,
    userid: whmcsValue,
    contactid: whmcsValue,
    name: whmcsValue,
    email: whmcsValue,
    date: localDate,
    subject: whmcsValue,
    status: whmcsValue,
    priority: whmcsValue,
    lastreply: localDate,
    deptname: whmcsValue,
    replies: z.union([z.object({ reply: z.array(replyShape).nullish() }), emptyList]).nullish(),
    notes: z.union([z.object({ note: z.array(noteShape).nullish() }), emptyList]).nullish(),
  })
  .refine((ticket) => ticketNumberOf(ticket) !== null, 'no tid or ticketnum');
export type KeliwebTicket = z.infer<typeof keliwebTicketShape>;
export type KeliwebReply = z.infer<typeof replyShape>;
export type KeliwebNote = z.infer<typeof noteShape>;

/** WHMCS-level errors, sent with HTTP 200: `{result: "error", message}` (docs/providers/keliweb.md). */
export const keliwebErrorShape = z.object({ result: z.literal('error'), message: z.unknown() });

/**
 * `add-ticket-reply`'s success: `{result: "success"}` and nothing else documented
 * (docs/providers/keliweb.md, Writes).
 */
export const keliwebReplyAddedShape = z.object({ result: z.literal('success') });

/**
 * The internal `ticketid` of a get-ticket answer (the mapper keeps the whole answer as `raw`),
 * which `add-ticket-reply` takes instead of the number users see: WHMCS's integer id, as digits;
 * null when the answer had none.
 */
export function internalIdOf(raw: unknown): string | null {
  const value = typeof raw === 'object' && raw !== null ? (raw as { ticketid?: unknown }).ticketid : undefined;
  // A JSON number past 2^53 has already lost digits: it could name another ticket.
  if (typeof value === 'number' && !Number.isSafeInteger(value)) return null;
  const id = textOf(value);
  // Digits without a leading zero: the id as WHMCS writes it, not one its form parser might read otherwise.
  return id !== null && /^[1-9]\d{0,15}$/.test(id) ? id : null;
}
