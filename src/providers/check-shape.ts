import type { z } from 'zod';

/**
 * Checks an upstream payload against its schema and answers the payload itself, not zod's copy
 * of it. The provider schemas hold no transforms, so a payload that passes is already what the
 * schema describes, and as the ticket's `raw` it must keep every field the schema does not name.
 * Schemas are plain (stripping) objects: zod then visits only the fields they name, where a loose
 * object copies every field of every ticket, three times the cost (README, Performance).
 */
export function checkShape<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const checked = schema.safeParse(value);
  return checked.success ? { success: true, data: value as z.output<S> } : checked;
}
