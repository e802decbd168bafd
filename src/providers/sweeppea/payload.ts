import { z } from 'zod';
import { parseIsoDate } from '../../domain/dates.js';
import { idLike, text } from '../kit/payload-fields.js';

/**
 * docs/providers/sweeppea.md: Sweeppea sends UTC ISO-8601. A .NET-style date with no offset
 * (`2025-01-15T10:30:00`) is read as the UTC it is documented to be, rather than failing the
 * ticket; anything that is not an ISO date and time still makes the answer invalid.
 */
export const SWEEPPEA_ZONE = 'UTC';
const instant = z
  .string()
  .refine((text) => parseIsoDate(text, SWEEPPEA_ZONE) !== undefined, 'not an ISO-8601 date and time');

const noteShape = z.object({ Id: idLike, Date: instant.nullish(), Note: z.string() });
const statisticShape = z.object({ Date: instant.nullish() });

/**
 * `Data` of `fetchSingleTicket`: the fields the mapper reads are checked, every other one
 * stays in the payload, which checkShape keeps whole as the ticket's `raw` (no transforms here).
 */
export const sweeppeaTicketShape = z.object({
  CaseNumber: idLike.refine((value) => String(value).trim() !== '', 'empty case number'),
  Date: instant.nullish(),
  AccountInfo: z.object({ FullName: text, Email: text }).nullish(),
  Subject: text,
  Description: text,
  Priority: idLike.nullish(),
  // `false` open, `true` closed; the create endpoint says "Open" (docs/providers/sweeppea.md), so words pass too.
  Status: z.union([z.boolean(), z.string()]).nullish(),
  CloseDate: instant.nullish(),
  ResourceAffected: text,
  Notes: z.array(noteShape).nullish(),
  // Element shape undocumented (docs/providers/sweeppea.md): the mapper reads what it can.
  Files: z.array(z.unknown()).nullish(),
  Statistics: z.array(statisticShape).nullish(),
});
export type SweeppeaTicket = z.infer<typeof sweeppeaTicketShape>;

/**
 * `/tickets/update`'s answer: `Ticket` holds some of the ticket's fields (docs/providers/sweeppea.md: CaseNumber,
 * Subject, Description, Priority, Status), by the same names as `fetchSingleTicket`'s `Data`.
 */
export const sweeppeaUpdateShape = z.object({
  Response: z.literal(true),
  Message: z.string().optional(),
  Ticket: sweeppeaTicketShape,
});
export type SweeppeaUpdateAnswer = z.infer<typeof sweeppeaUpdateShape>;

/** The whole answer, kept for `raw`. */
export const sweeppeaSuccessShape = z.object({ Response: z.literal(true), Data: sweeppeaTicketShape });
export type SweeppeaAnswer = z.infer<typeof sweeppeaSuccessShape>;

/** `{Response: false, Message, Code}`; `Code` may disagree with the HTTP status. */
export const sweeppeaErrorShape = z.object({
  Response: z.literal(false),
  Message: z.string().optional(),
  Code: idLike.optional(),
});
export type SweeppeaErrorBody = z.infer<typeof sweeppeaErrorShape>;
