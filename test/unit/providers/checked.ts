import type { z } from 'zod';
import { checkShape } from '../../../src/providers/check-shape.js';

/** A payload as a provider's client passes it to the mapper: checked, kept whole; throws when it fails. */
export function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = checkShape(schema, value);
  if (!result.success) throw result.error;
  return result.data;
}
