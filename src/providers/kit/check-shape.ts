import { z } from 'zod';

/**
 * The deepest nesting of arrays and objects a payload may have. The providers' documented
 * payloads nest five levels at most; a payload nested thousands deep (a few KB of `[[[…`) would
 * overflow the stack of every recursive walk after us (JSON.stringify of `raw`, a cache, a log),
 * so it is refused here, where every payload becomes a ticket, and fails that ticket alone.
 */
export const MAX_PAYLOAD_DEPTH = 64;

/**
 * Checks an upstream payload against its zod shape and answers the payload itself, not zod's copy
 * of it. The shape must not transform (its input and output types must be one, which refuses a
 * `.transform`), so a payload that passes is already what the shape describes, and as the
 * ticket's `raw` it keeps every field the shape does not name. Shapes are plain (stripping)
 * objects: zod then visits only the fields they name, where a loose object copies every field
 * of every ticket, a cost the README's Performance section measures. A payload that passes is
 * then walked once for its depth (see MAX_PAYLOAD_DEPTH), since it is kept whole.
 */
export function checkShape<T>(shape: z.ZodType<T, T>, value: unknown): z.ZodSafeParseResult<T> {
  const checked = shape.safeParse(value);
  if (!checked.success) return checked;
  if (nestedDeeperThan(value, MAX_PAYLOAD_DEPTH)) {
    return {
      success: false,
      error: new z.ZodError([
        { code: 'custom', path: [], message: `nested deeper than ${MAX_PAYLOAD_DEPTH} levels`, input: undefined },
      ]) as z.ZodError<T>,
    };
  }
  return { success: true, data: value as T };
}

/** Whether arrays and objects in `value` nest deeper than `limit`; iterative, so any depth is safe to ask about. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}
