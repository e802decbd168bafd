import { z } from 'zod';
import { idLike, text } from '../kit/payload-fields.js';
import { textOf } from '../kit/upstream-text.js';
import { isKaptureDate } from './timestamps.js';

/**
 * A date the mapper reads must parse, or the ticket is invalid (the same rule as every provider).
 * The formats do not depend on the zone, so they are only checked here and read in the
 * configured zone by the mapper.
 */
const kaptureDate = idLike.refine((value) => isKaptureDate(value), 'not a Kapture date').nullish();

/** A ticket id as a key: Kapture's ids are numbers, so leading zeros do not matter. */
export function ticketKey(value: unknown): string | null {
  const text = textOf(value) ?? '';
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : null;
}

/**
 * The documented `task_details`: the fields the mapper reads are checked, every other one (and
 * `additional_info`, `history`, whose shapes are undocumented) stays in the payload, kept whole as `raw`.
 */
export const taskDetailsShape = z.object({
  ticketId: idLike.refine((value) => ticketKey(value) !== null, 'not a ticket id'),
  title: text,
  detail: text,
  status: text,
  substatus: text,
  substatusKey: idLike.nullish(),
  priority: idLike.nullish(),
  date: kaptureDate,
  lastFollowUp: kaptureDate,
  lastConvesationTime: kaptureDate,
  taskEnddate: kaptureDate,
  email: text,
  ticketEmail: text,
  phone: idLike.nullish(),
  assignedId: idLike.nullish(),
  assignedToName: text,
  queueName: text,
  url: text,
  attachment: text,
  // Element shape undocumented (the documented example's is empty): read defensively by the mapper.
  attachments: z.array(z.unknown()).nullish(),
});

/** One element of the answer's bare array (docs/providers/kapture.md): `{additional_info, history, task_details}`. */
export const kaptureTicketShape = z.object({ task_details: taskDetailsShape });
export type KaptureTicket = z.infer<typeof kaptureTicketShape>;
export type KaptureTaskDetails = KaptureTicket['task_details'];

/** `{message, status: "failed"}`, usually with HTTP 200 (docs/providers/kapture.md, Errors). */
export const kaptureFailureShape = z.object({ status: z.literal('failed'), message: z.unknown() });

/**
 * The update's success: `{…, status: "success"}`, the ticket in another shape than the search's
 * (docs/providers/kapture.md, Writes).
 */
export const kaptureUpdatedShape = z.object({ status: z.literal('success') });

/**
 * The sub-status key of a search element (the mapper keeps the whole element as `raw`), e.g.
 * `PS`: what a comment is sent with so the ticket keeps its state. Null when it has none.
 */
export function subStatusKeyOf(raw: unknown): string | null {
  const details = typeof raw === 'object' && raw !== null ? (raw as { task_details?: unknown }).task_details : null;
  return typeof details === 'object' && details !== null
    ? textOf((details as { substatusKey?: unknown }).substatusKey)
    : null;
}
