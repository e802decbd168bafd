import type { z } from 'zod';
import { checkShape } from '../../../src/providers/kit/check-shape.js';

/** A payload as a provider's client passes it to the mapper: checked, kept whole; throws when it fails. */
export function checked<T>(shape: z.ZodType<T, T>, value: unknown): T {
  const result = checkShape(shape, value);
  if (!result.success) throw result.error;
  return result.data;
}
