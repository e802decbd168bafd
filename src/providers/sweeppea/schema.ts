import { z } from 'zod';
import { parseIsoDate } from '../../domain/dates.js';

/**
 * docs/providers/sweeppea.md: Sweeppea sends UTC ISO-8601. A .NET-style date with no offset
 * (`2025-01-15T10:30:00`) is read as the UTC it is documented to be, rather than failing the
 * ticket; anything that is not an ISO date and time still makes the answer invalid.
 */
export const SWEEPPEA_ZONE = 'UTC';
const instant = z
  .string()
  .refine((text) => parseIsoDate(text, SWEEPPEA_ZONE) !== undefined, 'not an ISO-8601 date and time');
/** docs/providers/sweeppea.md: numbers often arrive as strings; the mapper coerces. */
const numberish = z.union([z.number(), z.string()]);
const text = z.string().nullish();

const noteSchema = z.object({ Id: numberish, Date: instant.nullish(), Note: z.string() });
const statisticSchema = z.object({ Date: instant.nullish() });

/**
 * `Data` of `fetchSingleTicket`: the fields the mapper reads are checked, every other one
 * stays in the payload, which checkShape keeps whole as the ticket's `raw` (no transforms here).
 */
export const sweeppeaTicketSchema = z.object({
  CaseNumber: numberish.refine((value) => String(value).trim() !== '', 'empty case number'),
  Date: instant.nullish(),
  AccountInfo: z.object({ FullName: text, Email: text }).nullish(),
  Subject: text,
  Description: text,
  Priority: numberish.nullish(),
  // `false` open, `true` closed; the create endpoint says "Open" (docs/providers/sweeppea.md), so words pass too.
  Status: z.union([z.boolean(), z.string()]).nullish(),
  CloseDate: instant.nullish(),
  ResourceAffected: text,
  Notes: z.array(noteSchema).nullish(),
  // Element shape undocumented (docs/providers/sweeppea.md): the mapper reads what it can.
  Files: z.array(z.unknown()).nullish(),
  Statistics: z.array(statisticSchema).nullish(),
});
export type SweeppeaTicket = z.infer<typeof sweeppeaTicketSchema>;

/**
 * `/tickets/update`'s answer: `Ticket` holds some of the ticket's fields (the seed: CaseNumber,
 * Subject, Description, Priority, Status), by the same names as `fetchSingleTicket`'s `Data`.
 */
export const sweeppeaUpdateSchema = z.object({
  Response: z.literal(true),
  Message: z.string().optional(),
  Ticket: sweeppeaTicketSchema,
});
export type SweeppeaUpdateAnswer = z.infer<typeof sweeppeaUpdateSchema>;

/** The whole answer, kept for `raw`. */
export const sweeppeaSuccessSchema = z.object({ Response: z.literal(true), Data: sweeppeaTicketSchema });
export type SweeppeaAnswer = z.infer<typeof sweeppeaSuccessSchema>;

/** `{Response: false, Message, Code}`; `Code` may disagree with the HTTP status. */
export const sweeppeaErrorSchema = z.object({
  Response: z.literal(false),
  Message: z.string().optional(),
  Code: numberish.optional(),
});
export type SweeppeaErrorBody = z.infer<typeof sweeppeaErrorSchema>;
