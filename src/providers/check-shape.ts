import type { z } from 'zod';

/**
 * Checks an upstream payload against its schema and answers the payload itself, not zod's copy
 * of it. The schema must not transform (its input and output types must be one, which refuses a
 * `.transform`), so a payload that passes is already what the schema describes, and as the
 * ticket's `raw` it keeps every field the schema does not name. Schemas are plain (stripping)
 * objects: zod then visits only the fields they name, where a loose object copies every field
 * of every ticket (for 100 Kapture tickets, 0.72 ms against 0.23 ms).
 */
export function checkShape<T>(schema: z.ZodType<T, T>, value: unknown): z.ZodSafeParseResult<T> {
  const checked = schema.safeParse(value);
  return checked.success ? { success: true, data: value as T } : checked;
}
