import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkShape } from '../../../src/providers/check-shape.js';

const schema = z.object({ id: z.union([z.string(), z.number()]), details: z.object({ title: z.string().nullish() }) });

describe('checkShape', () => {
  it('answers the payload itself, with the fields its schema does not name, nested ones included', () => {
    const payload = { id: 7, extra: [1, 2], details: { title: 'Printer', undocumented: { deep: true } } };
    const result = checkShape(schema, payload);
    expect(result.success).toBe(true);
    expect(result.data).toBe(payload);
    expect(result.data).toEqual({ id: 7, extra: [1, 2], details: { title: 'Printer', undocumented: { deep: true } } });
  });

  it('fails a payload as zod does, with the path of the first break', () => {
    const result = checkShape(schema, { id: 7, details: { title: 3 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['details', 'title']);
  });
});
