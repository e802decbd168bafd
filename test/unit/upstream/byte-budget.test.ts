import { describe, expect, it } from 'vitest';
import { createByteBudget } from '../../../src/upstream/byte-budget.js';

describe('createByteBudget', () => {
  it('takes what fits, then refuses the first take past what is left and stays spent', () => {
    const bytes = createByteBudget(100);
    expect([bytes.take(60), bytes.take(40), bytes.spent]).toEqual([true, true, false]);
    expect([bytes.take(1), bytes.spent, bytes.take(0)]).toEqual([false, true, false]);
  });
});
