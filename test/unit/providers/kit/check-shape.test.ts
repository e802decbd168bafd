import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkShape, MAX_PAYLOAD_DEPTH, nestedDeeperThan } from '../../../../src/providers/kit/check-shape.js';
import { shapeError } from '../../../../src/providers/kit/shape-error.js';

const shape = z.object({ id: z.union([z.string(), z.number()]), details: z.object({ title: z.string().nullish() }) });

describe('checkShape', () => {
  it('answers the payload itself, with the fields its shape does not name, nested ones included', () => {
    const payload = { id: 7, extra: [1, 2], details: { title: 'Printer', undocumented: { deep: true } } };
    const result = checkShape(shape, payload);
    expect(result.success).toBe(true);
    expect(result.data).toBe(payload);
    expect(result.data).toEqual({ id: 7, extra: [1, 2], details: { title: 'Printer', undocumented: { deep: true } } });
  });

  it('fails a payload as zod does, with the path of the first break', () => {
    const result = checkShape(shape, { id: 7, details: { title: 3 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['details', 'title']);
  });

  it("fails a payload nested deeper than 64 levels, in the gateway's words", () => {
    const nested = (levels: number): unknown => JSON.parse(`${'['.repeat(levels - 1)}{"a":1}${']'.repeat(levels - 1)}`);
    const at = (levels: number) => checkShape(shape, { id: 1, details: {}, extra: nested(levels) });
    // The payload object is level 1, so `extra` may nest 63 levels.
    expect(MAX_PAYLOAD_DEPTH).toBe(64);
    expect(at(63).success).toBe(true);
    const failed = at(64);
    expect(failed.success).toBe(false);
    expect(
      shapeError('HostUp answered ticket 4', failed.error, { provider: 'hostup', upstreamStatus: 200 }).message,
    ).toBe('HostUp answered ticket 4 with an unexpected shape (nested deeper than 64 levels)');
  });
});

describe('nestedDeeperThan', () => {
  it.each([
    ['a scalar', 7, 0, false],
    ['an empty array at the limit', [], 1, false],
    ['an array one past the limit', [[]], 1, true],
    ['objects and arrays mixed', { a: [{ b: [] }] }, 3, true],
    ['objects and arrays mixed, within', { a: [{ b: [] }] }, 4, false],
  ])('%s', (_case, value, limit, deeper) => {
    expect(nestedDeeperThan(value, limit)).toBe(deeper);
  });

  it('answers for a million levels without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`) as unknown;
    expect(nestedDeeperThan(deep, 64)).toBe(true);
  });
});
